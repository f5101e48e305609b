import { DAY_MS } from "./assumptions";

/**
 * A label's usual share of VIP messages, learnt from the days before a period in the spirit of
 * Farrington's outbreak detection: past episodes are left out of the baseline (so last week's
 * refund wave does not hide this week's), weekends are told apart from weekdays (a label that is
 * always busier on Saturdays is not "unusual" every Saturday), and the history's own day-to-day
 * spread beyond the binomial is measured, so a label whose share always wanders needs a larger
 * jump than one whose share is steady.
 */
export const BASELINE_RULE = {
  /** A history day this many standard errors (widened by the dispersion) above the ordinary days' fit is an episode, and left out. */
  episodeZ: 3,
  /** Pseudo-messages that pull the weekend and weekday factors towards 1: thin evidence of a weekly rhythm moves the baseline little. */
  rhythmPrior: 30,
} as const;

/** What is known of one history day: its VIP messages and those with the label. */
export interface HistoryDay {
  dayMs: number;
  activity: number;
  count: number;
}

/** The fitted share and its weekly rhythm. */
export type ShareModel = Pick<LabelBaseline, "share" | "weekendFactor" | "weekdayFactor" | "typicalDayActivity">;

export interface LabelBaseline {
  /** The label's share over the history's ordinary days (episodes left out), weekend and weekday days pooled. */
  share: number;
  /** Multiplier of that share on Saturdays and Sundays (UTC), and on the other days. */
  weekendFactor: number;
  weekdayFactor: number;
  /** Variance of a day's count over the binomial's, at an ordinary day's size (1 = no wander). */
  dispersion: number;
  /** VIP messages on an ordinary history day. */
  typicalDayActivity: number;
  /** History days left out as episodes. */
  episodeDays: number;
}

export const isWeekendDay = (dayMs: number) => {
  const weekday = new Date(dayMs).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/** The usual share on that UTC day (weekend or not). */
export const usualShareOn = (baseline: ShareModel, dayMs: number) => baseline.share * (isWeekendDay(dayMs) ? baseline.weekendFactor : baseline.weekdayFactor);

function fit(days: readonly HistoryDay[]): ShareModel {
  let activity = 0;
  let count = 0;
  let weekendActivity = 0;
  let weekendCount = 0;
  for (const day of days) {
    activity += day.activity;
    count += day.count;
    if (isWeekendDay(day.dayMs)) {
      weekendActivity += day.activity;
      weekendCount += day.count;
    }
  }
  const share = activity > 0 ? count / activity : 0;
  // Each side's observed over expected, with `rhythmPrior` expected messages of "no rhythm" added.
  const factor = (observed: number, messages: number) => {
    const prior = BASELINE_RULE.rhythmPrior;
    return share > 0 ? (observed + prior) / (share * messages + prior) : 1;
  };
  const weekend = factor(weekendCount, weekendActivity);
  const weekday = factor(count - weekendCount, activity - weekendActivity);
  // Scaled so that the history's own days, weighed by their messages, average exactly the share.
  const scale = activity > 0 ? activity / (weekend * weekendActivity + weekday * (activity - weekendActivity)) : 1;
  return {
    share,
    weekendFactor: weekend * scale,
    weekdayFactor: weekday * scale,
    typicalDayActivity: days.length > 0 ? activity / days.length : 0,
  };
}

/** Pearson residuals' mean square (Farrington's dispersion), never below 1. */
function dispersionOf(days: readonly HistoryDay[], model: ShareModel): number {
  let sum = 0;
  for (const day of days) sum += residual(day, model) ** 2;
  // Three parameters are learnt from the days (the share and the two factors).
  return days.length > 3 ? Math.max(1, sum / (days.length - 3)) : 1;
}

/** A day's Pearson residual against a fitted baseline. */
function residual(day: HistoryDay, model: ShareModel): number {
  const p = usualShareOn(model, day.dayMs);
  const sd = Math.sqrt(day.activity * p * (1 - p));
  return sd > 0 ? (day.count - day.activity * p) / sd : 0;
}

/**
 * The history's ordinary days, by a forward search: start from the half of the days lowest
 * against a first fit, then take the next day in while it stands within `episodeZ` of the fit of
 * the days taken so far (its spread widened by their dispersion). Episodes lie above, so they are
 * met last and stop the search, however much of the history they fill: a mean, a mean square or
 * even a median and its spread would be pulled up by a week-long wave until it hid itself.
 */
function ordinaryDays(days: readonly HistoryDay[]): HistoryDay[] {
  if (days.length < 8) return [...days];
  const first = fit(days);
  const order = [...days].sort((a, b) => residual(a, first) - residual(b, first));
  let taken = Math.ceil(order.length / 2);
  while (taken < order.length) {
    const kept = order.slice(0, taken);
    const model = fit(kept);
    if (residual(order[taken]!, model) > BASELINE_RULE.episodeZ * Math.sqrt(dispersionOf(kept, model))) break;
    taken += 1;
  }
  return order.slice(0, taken);
}

/**
 * The baseline of one label from its history days (days without VIP messages tell nothing and
 * are skipped): the share, the weekly rhythm and the dispersion fitted to its ordinary days.
 */
export function learnBaseline(history: readonly HistoryDay[]): LabelBaseline {
  const all = history.filter((d) => d.activity > 0);
  const kept = ordinaryDays(all);
  const model = fit(kept);
  return { ...model, dispersion: dispersionOf(kept, model), episodeDays: all.length - kept.length };
}

/** The history days of [fromMs, toMs) from day sums. */
export function historyDays(fromMs: number, toMs: number, activity: (fromMs: number, toMs: number) => number, count: (fromMs: number, toMs: number) => number): HistoryDay[] {
  const days: HistoryDay[] = [];
  for (let dayMs = fromMs; dayMs < toMs; dayMs += DAY_MS) days.push({ dayMs, activity: activity(dayMs, dayMs + DAY_MS), count: count(dayMs, dayMs + DAY_MS) });
  return days;
}
