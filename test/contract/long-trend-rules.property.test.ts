import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY_MS } from "#contract/assumptions";
import { bucketRange, utcDay } from "#contract/dates";
import { eventsDuring, eventSpan } from "#contract/events";
import { trendBuckets, yearEarlier } from "#contract/trend-windows";
import { dailyIndex, findSpikes, historyDaysFor, SPIKE_RULE } from "#contract/unusual-periods";
import type { LabelOverview } from "#contract/responses";

const START = Date.UTC(2024, 0, 1);
const days = fc.integer({ min: 0, max: 1200 }).map((d) => START + d * DAY_MS);

describe("the rules a long trend adds", () => {
  it("a year earlier: by month the same calendar months, by week and day the same weekdays, and as many buckets", () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 1, max: 397 }), fc.constantFrom("day", "week", "month" as const), (fromMs, length, granularity) => {
        const range = { fromMs, toMs: fromMs + length * DAY_MS };
        const earlier = yearEarlier(range, granularity);
        expect(earlier.toMs).toBeLessThan(range.toMs);
        const [was, is] = [new Date(earlier.fromMs), new Date(range.fromMs)];
        const aligned = granularity === "month" ? was.getUTCMonth() === is.getUTCMonth() && was.getUTCFullYear() === is.getUTCFullYear() - 1 : was.getUTCDay() === is.getUTCDay();
        expect(aligned).toBe(true);
        // The faint line is drawn period by period: the same number of periods on both sides.
        expect(trendBuckets(earlier, granularity, Infinity)).toHaveLength(trendBuckets(range, granularity, Infinity).length);
      }),
    );
  });

  it("a month bucket is its calendar month, clipped to the window", () => {
    fc.assert(
      fc.property(days, (dayMs) => {
        const d = new Date(dayMs);
        const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
        const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
        expect(bucketRange(utcDay(first), "month", { fromMs: -Infinity, toMs: Infinity })).toEqual({ fromMs: first, toMs: next });
        expect(bucketRange(utcDay(first), "month", { fromMs: dayMs, toMs: Infinity }).fromMs).toBe(dayMs);
      }),
    );
  });

  it("an event touches a period exactly when one of its days is in it", () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 40 }), days, fc.integer({ min: 1, max: 40 }), (startMs, extra, fromMs, length) => {
        const event = { start: utcDay(startMs), end: utcDay(startMs + extra * DAY_MS) };
        const span = { fromMs, toMs: fromMs + length * DAY_MS };
        let anyDay = false;
        for (let day = eventSpan(event).fromMs; day < eventSpan(event).toMs; day += DAY_MS) anyDay ||= day >= span.fromMs && day < span.toMs;
        expect(eventsDuring([event], span)).toHaveLength(anyDay ? 1 : 0);
      }),
    );
  });

  it("a month is judged against the twelve weeks before it, a day or week against four", () => {
    expect(historyDaysFor("day")).toBe(SPIKE_RULE.historyDays);
    expect(historyDaysFor("week")).toBe(SPIKE_RULE.historyDays);
    expect(historyDaysFor("month")).toBe(84);
    // A label at 2% of 400 messages a day for months, then at 6% through one month: that month is unusual.
    const first = Date.UTC(2026, 0, 1);
    const month = Date.UTC(2026, 4, 1);
    const end = Date.UTC(2026, 5, 1);
    const overview: LabelOverview = { workspaceId: "w", mediumId: "m", from: new Date(first).toISOString(), to: new Date(end).toISOString(), granularity: "day", buckets: [], labels: [{ id: "l", name: "L" }], activity: [], rows: [] } as unknown as LabelOverview;
    for (let day = first; day < end; day += DAY_MS) {
      const bucket = utcDay(day);
      overview.buckets.push(bucket);
      overview.activity.push({ bucket, count: 400, uniqueConversations: 300 });
      overview.rows.push({ label: "l", bucket, count: day >= month ? 24 : 8, uniqueConversations: 8 });
    }
    const may = utcDay(month);
    const model = {
      labels: [{ id: "l" }],
      buckets: [may],
      granularity: "month" as const,
      window: { fromMs: month, toMs: end },
      cell: () => ({ count: 24 * 31 }),
      activity: () => ({ count: 400 * 31 }),
    };
    const spike = findSpikes(model, dailyIndex([overview])).get(`l|${may}`);
    expect(spike?.historyDays).toBe(84);
    expect(spike?.lift).toBeCloseTo(3, 1);
  });
});
