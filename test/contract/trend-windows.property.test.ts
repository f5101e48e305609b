import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY_MS, MAX_WINDOW_MS } from "#contract/assumptions";
import { checkTrendRange, isPlannedWindow, isSettled, planTrendWindows, trendBuckets, type TrendGranularity } from "#contract/trend-windows";

const START = Date.UTC(2024, 0, 1);
/** A range of whole days (as the page asks) or of any instants (as a hand-made URL may), up to 24 months. */
const ranges = fc
  .record({ from: fc.integer({ min: 0, max: 900 }), days: fc.integer({ min: 1, max: 730 }), instants: fc.boolean(), jitter: fc.integer({ min: 0, max: DAY_MS - 1 }) })
  .map(({ from, days, instants, jitter }) => {
    const fromMs = START + from * DAY_MS + (instants ? jitter : 0);
    return { fromMs, toMs: fromMs + days * DAY_MS - (instants ? jitter >> 1 : 0) };
  });
const granularities = fc.constantFrom<TrendGranularity>("day", "week", "month");

describe("trend windows", () => {
  it("cover the range exactly, in order, each within the 31-day cap and none empty", () => {
    fc.assert(
      fc.property(ranges, granularities, (range, granularity) => {
        const windows = planTrendWindows(range, granularity);
        expect(windows[0]?.fromMs).toBe(range.fromMs);
        expect(windows.at(-1)?.toMs).toBe(range.toMs);
        windows.forEach((w, i) => {
          expect(w.toMs).toBeGreaterThan(w.fromMs);
          expect(w.toMs - w.fromMs).toBeLessThanOrEqual(MAX_WINDOW_MS);
          expect(w.fromMs).toBe(i > 0 ? windows[i - 1]!.toMs : range.fromMs);
          expect(w.granularity).toBe(granularity === "week" ? "week" : "day");
        });
      }),
    );
  });

  it("give every bucket exactly one call, so nothing overlapping is ever added", () => {
    fc.assert(
      fc.property(ranges, granularities, (range, granularity) => {
        const windows = planTrendWindows(range, granularity);
        for (const bucket of trendBuckets(range, granularity, range.toMs)) {
          const from = Math.max(bucket.fromMs, range.fromMs);
          const to = Math.min(bucket.toMs, range.toMs);
          const holding = windows.filter((w) => w.fromMs < to && w.toMs > from);
          expect(holding).toHaveLength(1);
          expect(holding[0]!.fromMs <= from && holding[0]!.toMs >= to).toBe(true);
        }
      }),
    );
  });

  it("mark a bucket partial exactly when the range or today cuts it", () => {
    fc.assert(
      fc.property(ranges, granularities, fc.integer({ min: 0, max: 40 }), (range, granularity, daysBeforeEnd) => {
        const now = range.toMs - daysBeforeEnd * DAY_MS;
        for (const b of trendBuckets(range, granularity, now)) {
          expect(b.partial).toBe(b.fromMs < range.fromMs || b.toMs > range.toMs || b.toMs > now);
        }
      }),
    );
  });

  it("recur from one day to the next: a later range's whole windows are the earlier range's", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 90, max: 365 }), fc.integer({ min: 1, max: 30 }), fc.constantFrom<TrendGranularity>("week", "month"), (from, days, later, granularity) => {
        const key = (w: { fromMs: number; toMs: number }) => `${w.fromMs}-${w.toMs}`;
        const today = planTrendWindows({ fromMs: START + from * DAY_MS, toMs: START + (from + days) * DAY_MS }, granularity).filter((w) => w.whole);
        const tomorrow = new Set(planTrendWindows({ fromMs: START + (from + later) * DAY_MS, toMs: START + (from + later + days) * DAY_MS }, granularity).map(key));
        // Every whole window of today's range that tomorrow's range still covers is asked again, the same.
        const stillIn = today.filter((w) => w.fromMs >= START + (from + later) * DAY_MS);
        for (const w of stillIn) expect(tomorrow.has(key(w))).toBe(true);
      }),
    );
  });

  it("are all windows the server accepts, and it refuses any other span", () => {
    fc.assert(
      fc.property(ranges, granularities, (range, granularity) => {
        const dayRange = { fromMs: Math.floor(range.fromMs / DAY_MS) * DAY_MS, toMs: Math.ceil(range.toMs / DAY_MS) * DAY_MS };
        for (const w of planTrendWindows(dayRange, granularity)) expect(isPlannedWindow(w)).toBe(true);
      }),
    );
    const june = { fromMs: Date.UTC(2026, 5, 1), toMs: Date.UTC(2026, 6, 1), granularity: "day" as const, whole: true };
    expect(isPlannedWindow(june)).toBe(true);
    expect(isPlannedWindow({ ...june, whole: false })).toBe(false);
    expect(isPlannedWindow({ ...june, toMs: Date.UTC(2026, 6, 2) })).toBe(false);
    expect(isPlannedWindow({ ...june, fromMs: june.fromMs + 3_600_000 })).toBe(false);
    expect(isPlannedWindow({ ...june, fromMs: Date.UTC(2026, 5, 10), whole: false })).toBe(true);
    expect(isPlannedWindow({ ...june, granularity: "week" })).toBe(false);
  });

  it("keep a window only when it is whole and ended two days ago", () => {
    const june = { fromMs: Date.UTC(2026, 5, 1), toMs: Date.UTC(2026, 6, 1), granularity: "day" as const, whole: true };
    expect(isSettled(june, Date.UTC(2026, 6, 3))).toBe(true);
    expect(isSettled(june, Date.UTC(2026, 6, 2, 23))).toBe(false);
    expect(isSettled({ ...june, whole: false }, Date.UTC(2027, 0, 1))).toBe(false);
  });

  it("accept by day up to 92 days and otherwise up to 24 months, with the reason", () => {
    const from = Date.UTC(2025, 2, 15);
    expect(checkTrendRange({ fromMs: from, toMs: from + 92 * DAY_MS }, "day")).toBeUndefined();
    expect(checkTrendRange({ fromMs: from, toMs: from + 93 * DAY_MS }, "day")?.message).toMatch(/at most 92 days/);
    expect(checkTrendRange({ fromMs: from, toMs: Date.UTC(2027, 2, 15) }, "week")).toBeUndefined();
    expect(checkTrendRange({ fromMs: from, toMs: Date.UTC(2027, 2, 16) }, "month")?.message).toMatch(/at most 24 months/);
    expect(checkTrendRange({ fromMs: from, toMs: from }, "month")?.param).toBe("to");
  });
});
