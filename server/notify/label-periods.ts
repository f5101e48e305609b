import { DAY_MS } from "#contract/assumptions";
import { vendorScopeParams, type ChannelScope } from "#contract/channel-scope";
import { startOfUtcDay, startOfUtcWeek, utcDay } from "#contract/dates";
import type { LabelOverview } from "#contract/responses";
import { UPSTREAM_ROUTES } from "#contract/routes";
import { dailyIndex, findSpikes, SPIKE_RULE, type PeriodCounts, type Spike } from "#contract/unusual-periods";
import { mapOutcome } from "../http/map-outcome";
import type { UpstreamClient } from "../upstream/client";

/** The API's longest window: longer spans are asked for in parts. */
const MAX_CALL_DAYS = 31;

export interface PeriodTotals {
  activity: number;
  labels: Map<string, number>;
}

export type LabelJudgement = {
  ok: true;
  /** Unusual days among the judged ones, by the contract's rule (the chart's ▼). */
  spikes: Spike[];
  labelNames: Map<string, string>;
  /** Each label's count over the last `days` whole UTC days and the `days` before (never summed across labels). */
  totals(days: number): { current: PeriodTotals; previous: PeriodTotals };
};

/** One overview call, whole UTC days `from`–`to` (inclusive), or the Dynamo API's problem in words. */
async function askOverview(upstream: UpstreamClient, scope: ChannelScope, fromMs: number, toMs: number, granularity: "day" | "week"): Promise<{ ok: true; overview: LabelOverview } | { ok: false; message: string }> {
  const route = UPSTREAM_ROUTES.labelOverview;
  const params = new URLSearchParams({ ...vendorScopeParams(scope), from: utcDay(fromMs), to: utcDay(toMs), granularity });
  const answer = mapOutcome(await upstream.get(route.path, params, route.kind), route.response);
  if (answer.status === 200) return { ok: true, overview: answer.body as LabelOverview };
  const body = answer.body as { message?: unknown };
  return { ok: false, message: typeof body.message === "string" ? body.message : `The Dynamo API answered ${answer.status} for the label overview.` };
}

/** The last `judgedDays` UTC days (today so far included), each judged as the Labels chart judges it, with the day counts behind them. */
export async function judgeRecentDays(upstream: UpstreamClient, scope: ChannelScope, nowMs: number, judgedDays = 2): Promise<LabelJudgement | { ok: false; message: string }> {
  const today = startOfUtcDay(nowMs);
  // The judged days (today so far and the ones before) and the four weeks before the first.
  const fromMs = today - (SPIKE_RULE.historyDays + judgedDays - 1) * DAY_MS;
  const parts: LabelOverview[] = [];
  for (let start = fromMs; start <= today; start += MAX_CALL_DAYS * DAY_MS) {
    const part = await askOverview(upstream, scope, start, Math.min(today, start + (MAX_CALL_DAYS - 1) * DAY_MS), "day");
    if (!part.ok) return part;
    parts.push(part.overview);
  }
  // One overview of the whole span: the parts' days side by side (days never overlap).
  const labelsById = new Map(parts.flatMap((o) => o.labels).map((l) => [l.id, l]));
  const overview: LabelOverview = {
    ...parts.at(-1)!,
    buckets: parts.flatMap((o) => o.buckets),
    labels: [...labelsById.values()],
    rows: parts.flatMap((o) => o.rows),
    activity: parts.flatMap((o) => o.activity),
  };
  const history = dailyIndex(parts);
  const cells = new Map(overview.rows.map((r) => [`${r.label}|${r.bucket}`, r.count]));
  const activity = new Map(overview.activity.map((a) => [a.bucket, a.count]));
  const judged = overview.buckets.filter((b) => Date.parse(b) >= today - (judgedDays - 1) * DAY_MS);
  const model: PeriodCounts = {
    labels: overview.labels,
    buckets: judged,
    granularity: "day",
    window: { fromMs, toMs: today + DAY_MS },
    cell: (label, bucket) => ({ count: cells.get(`${label}|${bucket}`) ?? 0 }),
    activity: (bucket) => ({ count: activity.get(bucket) ?? 0 }),
  };
  const spikes = [...findSpikes(model, history).values()].sort((a, b) => a.bucket.localeCompare(b.bucket) || b.count - a.count);
  const sumOver = (start: number, end: number): PeriodTotals => {
    const labels = new Map<string, number>();
    for (const label of overview.labels) {
      const count = history.label(label.id, start, end);
      if (count > 0) labels.set(label.id, count);
    }
    return { activity: history.activity(start, end), labels };
  };
  return {
    ok: true,
    spikes,
    labelNames: new Map(overview.labels.map((l) => [l.id, l.name])),
    totals: (days) => ({ current: sumOver(today - days * DAY_MS, today), previous: sumOver(today - 2 * days * DAY_MS, today - days * DAY_MS) }),
  };
}

/**
 * The current UTC week so far (Monday on), judged as the chart's week bars are: against the 28
 * days before its Monday. Two calls, as the API's window is at most 31 days: the days before,
 * and the week itself.
 */
export async function judgeCurrentWeek(upstream: UpstreamClient, scope: ChannelScope, nowMs: number): Promise<{ ok: true; bucket: string; spikes: Spike[]; labelNames: Map<string, string> } | { ok: false; message: string }> {
  const weekStart = startOfUtcWeek(nowMs);
  const today = startOfUtcDay(nowMs);
  const before = await askOverview(upstream, scope, weekStart - SPIKE_RULE.historyDays * DAY_MS, weekStart - DAY_MS, "day");
  if (!before.ok) return before;
  const week = await askOverview(upstream, scope, weekStart, today, "week");
  if (!week.ok) return week;
  const bucket = week.overview.buckets[0];
  if (!bucket) return { ok: true, bucket: new Date(weekStart).toISOString(), spikes: [], labelNames: new Map() };
  const cells = new Map(week.overview.rows.map((r) => [r.label, r.count]));
  const activity = week.overview.activity.find((a) => a.bucket === bucket)?.count ?? 0;
  const model: PeriodCounts = {
    labels: week.overview.labels,
    buckets: [bucket],
    granularity: "week",
    window: { fromMs: weekStart, toMs: today + DAY_MS },
    cell: (label) => ({ count: cells.get(label) ?? 0 }),
    activity: () => ({ count: activity }),
  };
  const spikes = [...findSpikes(model, dailyIndex([before.overview])).values()];
  return { ok: true, bucket, spikes, labelNames: new Map(week.overview.labels.map((l) => [l.id, l.name])) };
}
