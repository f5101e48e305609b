import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { DAY_MS } from "#contract/assumptions";
import { utcDay } from "#contract/dates";
import type { LabelOverview } from "#contract/responses";
import { stitchTrend } from "#contract/trend-stitch";
import { planTrendWindows, TREND_COMPARE_MAX_DAYS, wholeMonthsAround, yearEarlier, type TimeSpan, type TrendGranularity, type TrendWindow } from "#contract/trend-windows";
import { dailyIndex, findSpikes, historyDaysFor } from "#contract/unusual-periods";
import { formatMonth, formatShortDay } from "../../lib/format/dates";
import type { ChartModel } from "./chart-model";
import { compareWithTrend, type Comparison } from "./comparison";
import { trendWindowQuery } from "./trend-api";
import { buildTrendModel } from "./trend-model";
import type { SpikeState } from "./use-spikes";

/** What a window serves: the range itself, the history its unusual periods are judged on, or the year-earlier line. */
type Role = "range" | "history" | "earlier";

export interface FailedWindow {
  key: string;
  /** "November 2025", "weeks of Nov 3 – Nov 24" and what it serves. */
  name: string;
  error: Error;
  retry: () => void;
}

export interface TrendProgress {
  /** Months (or weeks) of the range that have arrived, of all of them. */
  arrived: number;
  total: number;
  unit: "months" | "weeks";
  /** The comparison and the unusual periods' history, loaded after the range. */
  extraArrived: number;
  extraTotal: number;
  /** The person stopped the fill: what arrived is drawn; nothing more is asked until they continue. */
  stopped: boolean;
  stop: () => void;
  resume: () => void;
  failed: FailedWindow[];
}

export interface LongTrend {
  model: ChartModel | undefined;
  previous: Comparison | undefined;
  spikes: SpikeState;
  progress: TrendProgress;
  /** Every window of the range has arrived. */
  complete: boolean;
  fetching: boolean;
}

const windowKey = (w: TrendWindow) => `${w.granularity}:${w.fromMs}:${w.toMs}:${w.whole}`;

function windowName(w: TrendWindow, role: Role): string {
  const days = `${formatShortDay(utcDay(w.fromMs))} – ${formatShortDay(utcDay(w.toMs - DAY_MS))}`;
  const what = w.granularity === "week" ? `weeks of ${days}` : w.whole ? formatMonth(utcDay(w.fromMs)) : `${formatMonth(utcDay(w.fromMs))} (${days})`;
  if (role === "earlier") return `${what}, for the year-earlier line`;
  if (role === "history") return `${what}, for the unusual periods`;
  return what;
}

/**
 * A long trend (90 days to 24 months, or any range by month), stitched from the windows its plan
 * makes (contract/trend-windows.ts): one query per window, the range's first, then the history
 * the unusual periods need (day counts reaching back `historyDaysFor` before the range) and the
 * year-earlier line. Draws what has arrived; can be stopped and continued; a failed window is
 * retried alone.
 */
export function useLongTrend(scope: { workspaceId: string; channelId: string }, range: TimeSpan | undefined, granularity: TrendGranularity, now: number): LongTrend {
  const queryClient = useQueryClient();
  const [stoppedAt, setStoppedAt] = useState<string>();
  const plan = useMemo(() => {
    if (!range) return [];
    // Asked by day, whole months (kept once settled, so a later view costs only the running
    // month); by week, the blocks cut to the range.
    const windowsOf = (span: TimeSpan) => (granularity === "week" ? planTrendWindows(span, "week") : planTrendWindows(wholeMonthsAround(span), granularity));
    const planned: { window: TrendWindow; role: Role }[] = windowsOf(range).map((window) => ({ window, role: "range" }));
    // Day counts for the unusual periods: a month view's own windows are asked by day and serve;
    // a week view needs the months by day as well (a week bucket cannot be split into days).
    const history: TimeSpan = { fromMs: range.fromMs - historyDaysFor(granularity) * DAY_MS, toMs: granularity === "week" ? range.toMs : range.fromMs };
    planned.push(...planTrendWindows(wholeMonthsAround(history), "month").map((window) => ({ window, role: "history" as const })));
    if (range.toMs - range.fromMs <= TREND_COMPARE_MAX_DAYS * DAY_MS) {
      planned.push(...windowsOf(yearEarlier(range, granularity)).map((window) => ({ window, role: "earlier" as const })));
    }
    // A window two parts need (a month both the history and the year before reach) is asked once and serves both.
    const byKey = new Map<string, { window: TrendWindow; role: Role; roles: Set<Role> }>();
    for (const p of planned) {
      const had = byKey.get(windowKey(p.window));
      if (had) had.roles.add(p.role);
      else byKey.set(windowKey(p.window), { ...p, roles: new Set([p.role]) });
    }
    return [...byKey.values()];
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- the range's instants are its identity
  }, [range?.fromMs, range?.toMs, granularity]);

  const planKey = plan.map((p) => windowKey(p.window)).join("|");
  const stopped = stoppedAt !== undefined && stoppedAt === planKey;
  const results = useQueries({
    queries: plan.map(({ window }) => ({ ...trendWindowQuery({ ...scope, window }), enabled: !stopped })),
  });
  const stamp = results.map((r) => r.dataUpdatedAt).join(",");

  const derived = useMemo(() => {
    if (!range) return undefined;
    const arrived = (role: Role) => plan.flatMap((p, i) => (p.roles.has(role) && results[i]?.data ? [{ window: p.window, overview: results[i].data }] : []));
    const main = arrived("range");
    const trend = stitchTrend(range, granularity, now, main);
    const model = main.length > 0 ? buildTrendModel(trend, range, now) : undefined;
    const earlierPlan = plan.filter((p) => p.roles.has("earlier"));
    let previous: Comparison | undefined;
    if (earlierPlan.length > 0) {
      const earlierRange = yearEarlier(range, granularity);
      previous = compareWithTrend(stitchTrend(earlierRange, granularity, now, arrived("earlier")), { from: utcDay(earlierRange.fromMs), to: utcDay(earlierRange.toMs - DAY_MS) });
    }
    const days: LabelOverview[] = plan.flatMap((p, i) => ((p.roles.has("range") || p.roles.has("history")) && p.window.granularity === "day" && results[i]?.data ? [results[i].data] : []));
    const historyReady = plan.every((p, i) => !(p.roles.has("range") || p.roles.has("history")) || results[i]?.data !== undefined);
    const spikes = model && historyReady ? findSpikes(model, dailyIndex(days)) : undefined;
    return { model, previous, spikes };
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- `stamp` and `planKey` stand for the answers and the plan
  }, [stamp, planKey, now]);

  const failed: FailedWindow[] = plan.flatMap((p, i) => {
    const r = results[i];
    return r?.isError && !r.data ? [{ key: windowKey(p.window), name: windowName(p.window, p.role), error: r.error, retry: () => void r.refetch() }] : [];
  });
  const count = (role: Role, done: boolean) => plan.filter((p, i) => p.roles.has(role) && (!done || results[i]?.data !== undefined));
  const weeks = (list: { window: TrendWindow }[]) => list.reduce((sum, p) => sum + Math.round((p.window.toMs - p.window.fromMs) / (7 * DAY_MS)), 0);
  const byWeek = granularity === "week";
  const rangeAll = count("range", false);
  const rangeDone = count("range", true);
  const extraAll = plan.length - rangeAll.length;
  const extraDone = results.filter((r, i) => !plan[i]!.roles.has("range") && r.data !== undefined).length;
  const historyFailed = plan.flatMap((p, i) => (p.roles.has("history") && results[i]?.isError ? [failed.find((f) => f.key === windowKey(p.window))!] : [])).find(Boolean);

  const spikes: SpikeState = derived?.spikes
    ? { status: "ready", spikes: derived.spikes }
    : historyFailed
      ? { status: "error", error: historyFailed.error, retry: historyFailed.retry }
      : { status: "pending" };

  return {
    model: derived?.model,
    previous: derived?.previous,
    spikes,
    complete: rangeDone.length === rangeAll.length,
    fetching: results.some((r) => r.isFetching),
    progress: {
      arrived: byWeek ? weeks(rangeDone) : rangeDone.length,
      total: byWeek ? weeks(rangeAll) : rangeAll.length,
      unit: byWeek ? "weeks" : "months",
      extraArrived: extraDone,
      extraTotal: extraAll,
      stopped,
      stop: () => {
        setStoppedAt(planKey);
        void queryClient.cancelQueries({ queryKey: ["label-trend-window"] });
      },
      resume: () => setStoppedAt(undefined),
      failed,
    },
  };
}
