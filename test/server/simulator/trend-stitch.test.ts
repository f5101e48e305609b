import { describe, expect, it } from "vitest";
import { DAY_MS } from "#contract/assumptions";
import type { LabelOverview } from "#contract/responses";
import { stitchTrend } from "#contract/trend-stitch";
import { planTrendWindows, type TimeSpan, type TrendGranularity } from "#contract/trend-windows";
import { createDataset } from "../../../server/simulator/data/dataset";
import { labelOverview } from "../../../server/simulator/handlers/overview";

const now = Date.now();
const dataset = createDataset("dynamo-demo", now, 1);
const ctx = { dataset, now, storage: undefined as never, origin: "" };
const data = dataset.channelData("ws_aurora", "ch_aurora_messenger");
const instant = (ms: number) => ({ ms, dateOnly: false, raw: new Date(ms).toISOString() });

/** The range's overviews, one per planned window, asked of the simulator as the server asks it. */
function stitched(range: TimeSpan, granularity: TrendGranularity) {
  const windows = planTrendWindows(range, granularity);
  const arrived = windows.map((window) => ({
    window,
    overview: labelOverview(ctx, { workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger", from: instant(window.fromMs), to: instant(window.toMs), granularity: window.granularity })
      .body as LabelOverview,
  }));
  return { windows, trend: stitchTrend(range, granularity, now, arrived) };
}

/** What GET /vip-messages lists for a label (or every message) in [from, to): the messages themselves. */
function listed(fromMs: number, toMs: number, label?: string) {
  const messages = [...data.messages.ascending(fromMs, toMs)].filter((m) => !label || m.labels.includes(label) || m.customLabelIds.includes(label));
  return { count: messages.length, conversations: new Set(messages.map((m) => m.conversationId)).size };
}

describe("long trends stitched from the simulator", () => {
  it("12 months by month: one call a month, and every month's count equals its messages", () => {
    const d = new Date(now);
    const range = { fromMs: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1), toMs: now };
    const { windows, trend } = stitched(range, "month");
    expect(windows).toHaveLength(12);
    expect(trend.buckets).toHaveLength(12);
    expect(trend.buckets.filter((b) => b.partial).map((b) => b.key)).toEqual([trend.buckets.at(-1)!.key]);
    for (const bucket of trend.buckets) {
      const to = Math.min(bucket.toMs, range.toMs);
      expect({ month: bucket.key, activity: bucket.activity.count }).toEqual({ month: bucket.key, activity: listed(bucket.fromMs, to).count });
      // By month no one call answers a month's distinct conversations: none is shown.
      expect(bucket.activity.uniqueConversations).toBeUndefined();
      for (const label of ["frustrated", "cl_refund", "churn_risk"]) {
        expect({ month: bucket.key, label, count: trend.cells.get(label)?.get(bucket.key)?.count ?? 0 }).toEqual({ month: bucket.key, label, count: listed(bucket.fromMs, to, label).count });
      }
    }
  });

  it("26 weeks by week: whole-week calls, every week's count and distinct conversations equal its messages", () => {
    const monday = Math.floor((now - Date.UTC(1970, 0, 5)) / (7 * DAY_MS)) * 7 * DAY_MS + Date.UTC(1970, 0, 5);
    const range = { fromMs: monday - 25 * 7 * DAY_MS, toMs: now };
    const { windows, trend } = stitched(range, "week");
    expect(windows.length).toBeLessThanOrEqual(8);
    expect(trend.buckets).toHaveLength(26);
    for (const bucket of trend.buckets) {
      const to = Math.min(bucket.toMs, range.toMs);
      const all = listed(bucket.fromMs, to);
      expect({ week: bucket.key, count: bucket.activity.count, conversations: bucket.activity.uniqueConversations }).toEqual({ week: bucket.key, count: all.count, conversations: all.conversations });
      for (const label of ["frustrated", "cl_refund"]) {
        const cell = trend.cells.get(label)?.get(bucket.key);
        const expected = listed(bucket.fromMs, to, label);
        expect({ week: bucket.key, label, count: cell?.count ?? 0, conversations: cell?.uniqueConversations ?? 0 }).toEqual({ week: bucket.key, label, count: expected.count, conversations: expected.conversations });
      }
    }
  });

  it("a range cut mid-month and mid-week marks its first bucket partial and counts only inside it", () => {
    const range = { fromMs: Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() - 5, 17), toMs: now - 3 * DAY_MS };
    for (const granularity of ["week", "month"] as const) {
      const { trend } = stitched(range, granularity);
      const first = trend.buckets[0]!;
      expect(first.partial).toBe(true);
      expect(first.activity.count).toBe(listed(range.fromMs, Math.min(first.toMs, range.toMs)).count);
    }
  });
});

describe("a trend drawn while its windows arrive", () => {
  it("marks the buckets of a window not yet arrived (or failed) pending, not zero, and the others as they are", () => {
    const d = new Date(now);
    const range = { fromMs: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 5, 1), toMs: now };
    const windows = planTrendWindows(range, "month");
    const arrived = windows
      .filter((_, i) => i !== 2)
      .map((window) => ({
        window,
        overview: labelOverview(ctx, { workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger", from: instant(window.fromMs), to: instant(window.toMs), granularity: "day" }).body as LabelOverview,
      }));
    const trend = stitchTrend(range, "month", now, arrived);
    expect(trend.buckets.map((b) => b.pending)).toEqual(windows.map((_, i) => i === 2));
    expect(trend.buckets[1]!.activity.count).toBeGreaterThan(0);
    // The same call twice would add a bucket to itself: refused, never summed.
    const weekWindow = planTrendWindows({ fromMs: range.fromMs, toMs: range.fromMs + 28 * DAY_MS }, "week")[0]!;
    const week = labelOverview(ctx, { workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger", from: instant(weekWindow.fromMs), to: instant(weekWindow.toMs), granularity: "week" }).body as LabelOverview;
    expect(() => stitchTrend(range, "week", now, [{ window: weekWindow, overview: week }, { window: weekWindow, overview: week }])).toThrow(/two calls/);
  });
});
