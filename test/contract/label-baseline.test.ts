import { describe, expect, it } from "vitest";
import { isWeekendDay, learnBaseline, usualShareOn, type HistoryDay } from "#contract/label-baseline";
import { periodChance } from "#contract/unusual-periods";

const DAY = 86_400_000;
// A Monday, so the 28 days hold exactly four of each weekday.
const START = Date.UTC(2026, 10, 2);
const days = (count: (i: number, dayMs: number) => number, activity = 1200): HistoryDay[] =>
  Array.from({ length: 28 }, (_, i) => ({ dayMs: START + i * DAY, activity, count: count(i, START + i * DAY) }));
/** A fixed, binomial-sized wobble (±1 standard error) so the series is not unnaturally exact. */
const wobble = (i: number, mean: number) => Math.round(mean + Math.sqrt(mean) * Math.sin(i * 2.3));

describe("a label's usual share", () => {
  it("leaves out a wave that fills a third of the four weeks, and finds its ordinary share", () => {
    const history = days((i) => wobble(i, i >= 18 ? 66 : 36));
    const baseline = learnBaseline(history);
    expect(baseline.episodeDays).toBe(10);
    expect(baseline.share).toBeCloseTo(36 / 1200, 2);
    expect(baseline.dispersion).toBeLessThan(1.5);
  });

  it("tells weekends from weekdays, and weighs the factors so the history averages its own share", () => {
    const history = days((i, dayMs) => wobble(i, isWeekendDay(dayMs) ? 84 : 60));
    const baseline = learnBaseline(history);
    expect(usualShareOn(baseline, START + 5 * DAY) / usualShareOn(baseline, START)).toBeGreaterThan(1.25);
    const expected = history.reduce((sum, d) => sum + d.activity * usualShareOn(baseline, d.dayMs), 0);
    const observed = history.reduce((sum, d) => sum + d.count, 0);
    expect(expected).toBeCloseTo(observed, 6);
  });

  it("measures a share that wanders from day to day, which then needs a larger jump", () => {
    const steady = learnBaseline(days((i) => wobble(i, 60)));
    const wandering = learnBaseline(days((i) => Math.round(60 * (1 + 0.35 * Math.sin(i * 2.3)))));
    expect(steady.dispersion).toBeLessThan(1.5);
    expect(wandering.dispersion).toBeGreaterThan(4);
    // The same day (twice the usual share) is far out for the steady label, ordinary enough for the wandering one.
    const chance = (b: typeof steady) => periodChance(120, 1200, b.share, { dispersion: b.dispersion, typicalDayActivity: b.typicalDayActivity, days: 1 });
    expect(chance(steady)).toBeLessThan(1e-9);
    expect(chance(wandering)).toBeGreaterThan(chance(steady) * 1e4);
  });
});
