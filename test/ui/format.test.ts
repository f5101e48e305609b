import { describe, expect, it } from "vitest";
import { barLabel } from "../../src/features/label-overview/bar-label";
import { buildChartModel } from "../../src/features/label-overview/chart-model";
import { readLabelsView } from "../../src/features/label-overview/url-state";
import { loadedSummary } from "../../src/features/message-drilldown/drilldown-summary";
import { readDrill } from "../../src/features/message-drilldown/url-state";
import { pageSummary } from "../../src/features/vip-users/pagination";
import { readUsersView } from "../../src/features/vip-users/url-state";
import { resolveSelection } from "../../src/features/workspace/use-selection";
import { bucketRange, checkWindow, describeBucket, formatUtcRange, presetWindow } from "../../src/lib/format/buckets";
import { formatBirthday, formatRelative, formatUtc } from "../../src/lib/format/dates";
import { formatCount, formatRate, rate } from "../../src/lib/format/numbers";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0); // Monday 23 November 2026, 12:00 UTC

describe("birthdays", () => {
  it.each([
    ["1990-06-14", "June 14, 1990"],
    ["--06-14", "June 14"],
    ["--02-29", "February 29"],
    ["2000-12-01", "December 1, 2000"],
    [undefined, undefined],
    [null, undefined],
    ["", undefined],
    ["1990-13-01", undefined],
    ["14/06/1990", undefined],
  ])("%j -> %j", (value, shown) => expect(formatBirthday(value)).toBe(shown));
});

describe("relative times", () => {
  it("reads missing, null and 0 as never", () => {
    expect(formatRelative(undefined, NOW)).toBe("never");
    expect(formatRelative(null, NOW)).toBe("never");
    expect(formatRelative(0, NOW)).toBe("never");
  });
  it("picks the largest whole unit, past and future", () => {
    expect(formatRelative(NOW - 30_000, NOW)).toBe("just now");
    expect(formatRelative(NOW - 5 * 60_000, NOW)).toBe("5 minutes ago");
    expect(formatRelative(NOW - DAY, NOW)).toBe("yesterday");
    expect(formatRelative(NOW - 3 * DAY, NOW)).toBe("3 days ago");
    expect(formatRelative(NOW + 2 * 3_600_000, NOW)).toBe("in 2 hours");
    expect(formatRelative(NOW - 400 * DAY, NOW)).toBe("last year");
  });
  it("gives the exact time in UTC", () => {
    expect(formatUtc(Date.UTC(2026, 5, 3, 10, 15, 22))).toBe("2026-06-03 10:15 UTC");
    expect(formatUtc(Date.UTC(2026, 5, 3, 10, 15, 22), true)).toBe("2026-06-03 10:15:22 UTC");
  });
});

describe("numbers and rates", () => {
  it("formats counts and rates, and has no rate without a baseline", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(rate(42, 1200)).toBeCloseTo(0.035);
    expect(formatRate(rate(42, 1200))).toBe("3.5%");
    expect(rate(0, 0)).toBeUndefined();
    expect(formatRate(rate(3, 0))).toBe("–");
    expect(formatRate(rate(0, 10))).toBe("0.0%");
  });
});

describe("windows and buckets (UTC)", () => {
  it("builds presets in whole UTC days", () => {
    expect(presetWindow("last7", NOW)).toEqual({ from: "2026-11-17", to: "2026-11-23" });
    expect(presetWindow("last30", NOW)).toEqual({ from: "2026-10-25", to: "2026-11-23" });
    expect(presetWindow("thisMonth", NOW)).toEqual({ from: "2026-11-01", to: "2026-11-23" });
    expect(presetWindow("lastMonth", NOW)).toEqual({ from: "2026-10-01", to: "2026-10-31" });
    expect(presetWindow("lastMonth", Date.UTC(2026, 0, 5))).toEqual({ from: "2025-12-01", to: "2025-12-31" });
  });

  it("allows 31 days and refuses 32 with the number of days", () => {
    expect(checkWindow({ from: "2026-01-01", to: "2026-01-31" })).toEqual({ fromMs: Date.UTC(2026, 0, 1), toMs: Date.UTC(2026, 1, 1) });
    expect(checkWindow({ from: "2026-01-01", to: "2026-02-01" })).toEqual({
      problem: "The window can be at most 31 days; this one is 32 days. Shorten it to see the chart.",
    });
    expect(checkWindow({ from: "2026-02-01", to: "2026-01-01" })).toEqual({ problem: "The To date must not be before the From date." });
    expect(checkWindow({ from: "", to: "2026-01-01" })).toEqual({ problem: "Pick a From and a To date." });
  });

  it("clips a week bucket to the window on both sides", () => {
    const window = { fromMs: Date.UTC(2026, 5, 3), toMs: Date.UTC(2026, 5, 12) }; // Wed 3 .. Thu 11 June inclusive
    expect(bucketRange("2026-06-01", "week", window)).toEqual({ fromMs: Date.UTC(2026, 5, 3), toMs: Date.UTC(2026, 5, 8) });
    expect(bucketRange("2026-06-08", "week", window)).toEqual({ fromMs: Date.UTC(2026, 5, 8), toMs: Date.UTC(2026, 5, 12) });
    expect(bucketRange("2026-06-05", "day", window)).toEqual({ fromMs: Date.UTC(2026, 5, 5), toMs: Date.UTC(2026, 5, 6) });
    expect(formatUtcRange({ fromMs: Date.UTC(2026, 5, 3), toMs: Date.UTC(2026, 5, 8) })).toBe("2026-06-03 00:00 – 2026-06-08 00:00 UTC");
  });

  it("names bars as the issue specifies", () => {
    expect(describeBucket("2026-06-08", "week")).toBe("week of 2026-06-08");
    expect(barLabel("Frustrated", "2026-06-08", "day", 42)).toBe("Frustrated, 2026-06-08: 42 messages");
    expect(barLabel("Refund request", "2026-06-08", "week", 1)).toBe("Refund request, week of 2026-06-08: 1 message");
    expect(barLabel("Frustrated", "2026-06-08", "day", 1234)).toBe("Frustrated, 2026-06-08: 1,234 messages");
  });
});

describe("summaries that must stay honest", () => {
  it("never shows a capped total as exact", () => {
    expect(pageSummary(50, 50, 1234, false)).toBe("Showing 51–100 of 1,234");
    expect(pageSummary(0, 50, 10000, true)).toBe("Showing 1–50 of at least 10,000");
    expect(pageSummary(100, 0, 100, false)).toBe("No rows here; 100 in all");
  });

  it("compares loaded messages with the bar's count", () => {
    expect(loadedSummary(100, 412, undefined, false)).toBe("Showing 100 of 412 messages");
    expect(loadedSummary(412, 412, undefined, true)).toBe("All 412 messages shown");
    expect(loadedSummary(37, 412, "text", true)).toBe("All 37 text messages (the bar counts 412 messages of all kinds)");
  });

  it("derives chart points, rates and window totals without summing unique conversations", () => {
    const model = buildChartModel({
      granularity: "day",
      from: "2026-06-01T00:00:00.000Z",
      to: "2026-06-03T00:00:00.000Z",
      buckets: ["2026-06-01", "2026-06-02"],
      labels: [
        { id: "frustrated", name: "Frustrated", custom: false },
        { id: "cl_refund", name: "Refund request", custom: true },
      ],
      rows: [
        { bucket: "2026-06-01", label: "frustrated", count: 4, uniqueConversations: 3 },
        { bucket: "2026-06-02", label: "frustrated", count: 6, uniqueConversations: 6 },
      ],
      activity: [
        { bucket: "2026-06-01", count: 100, uniqueConversations: 40 },
        { bucket: "2026-06-02", count: 0, uniqueConversations: 0 },
      ],
    });
    expect(model.points("count", new Set())).toEqual([
      { bucket: "2026-06-01", activity: 100, activityConversations: 40, frustrated: 4, cl_refund: 0 },
      { bucket: "2026-06-02", activity: 0, activityConversations: 0, frustrated: 6, cl_refund: 0 },
    ]);
    expect(model.points("rate", new Set(["cl_refund"]))[0]).toEqual({
      bucket: "2026-06-01",
      activity: 100,
      activityConversations: 40,
      frustrated: 0.04,
    });
    const [frustrated, refund] = model.totals();
    expect(frustrated).toMatchObject({ count: 10, rate: 0.1, peak: { bucket: "2026-06-02", count: 6 } });
    expect(refund).toMatchObject({ count: 0, peak: undefined });
    expect(model.cell("cl_refund", "2026-06-01")).toEqual({ label: "cl_refund", bucket: "2026-06-01", count: 0, uniqueConversations: 0 });
  });
});

describe("view state read from the URL", () => {
  it("falls back to defaults for missing or bad values", () => {
    expect(readUsersView(new URLSearchParams("page=0&size=7&month=13"))).toEqual({ hasBirthday: false, month: undefined, page: 1, size: 50 });
    expect(readUsersView(new URLSearchParams("page=3&size=200&month=6&birthday=known"))).toEqual({
      hasBirthday: true,
      month: 6,
      page: 3,
      size: 200,
    });
    expect(readLabelsView(new URLSearchParams("granularity=month&mode=x"), NOW)).toMatchObject({
      from: "2026-10-25",
      to: "2026-11-23",
      granularity: "day",
      mode: "count",
      hidden: [],
    });
    expect(readDrill(new URLSearchParams("drill=cl_refund:2026-06-08"))).toEqual({ label: "cl_refund", bucket: "2026-06-08" });
    expect(readDrill(new URLSearchParams("drill=a:b:2026-06-08"))).toEqual({ label: "a:b", bucket: "2026-06-08" });
    expect(readDrill(new URLSearchParams("drill=nonsense"))).toBeUndefined();
  });

  it("resolves the workspace: URL, then last choice, then first VIP", () => {
    const workspaces = [
      { id: "a", name: "A", vip: false },
      { id: "b", name: "B", vip: true },
      { id: "c", name: "C", vip: true },
    ];
    const channels = [
      { id: "b1", name: "B1", platform: "x", workspaceIds: ["b"] },
      { id: "c1", name: "C1", platform: "x", workspaceIds: ["c"] },
      { id: "c2", name: "C2", platform: "x", workspaceIds: ["c"] },
    ];
    expect(resolveSelection(new URLSearchParams(), workspaces, channels, {})).toEqual({ workspaceId: "b", channelId: "b1" });
    expect(resolveSelection(new URLSearchParams(), workspaces, channels, { workspaceId: "c", channelId: "c2" })).toEqual({
      workspaceId: "c",
      channelId: "c2",
    });
    expect(resolveSelection(new URLSearchParams("ws=c"), workspaces, channels, {})).toEqual({ workspaceId: "c", channelId: "c1" });
    expect(resolveSelection(new URLSearchParams("ws=zzz"), workspaces, channels, {})).toEqual({ workspaceId: "b", channelId: "b1" });
  });
});
