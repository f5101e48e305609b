import { describe, expect, it } from "vitest";
import { barLabel } from "../../../../src/features/label-overview/bar-label";
import { bucketRange, describeBucket, partialNote } from "../../../../src/features/label-overview/window";
import { checkWindow, presetWindow } from "../../../../src/lib/day-window";
import { formatUtcRange } from "../../../../src/lib/format/dates";

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0); // Monday 23 November 2026, 12:00 UTC

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
    expect(barLabel("Frustrated", "2026-11-23", "day", 12, "so far")).toBe("Frustrated, 2026-11-23 (so far): 12 messages");
  });

  it("marks the running day and week, weeks the window clips, and buckets not started", () => {
    const window = { fromMs: Date.UTC(2026, 9, 25), toMs: Date.UTC(2026, 10, 24) }; // 25 Oct .. 23 Nov (a Monday)
    expect(partialNote("2026-11-23", "day", window, NOW)).toBe("so far");
    expect(partialNote("2026-11-22", "day", window, NOW)).toBeUndefined();
    expect(partialNote("2026-10-19", "week", window, NOW)).toBe("1 of 7 days"); // only Sunday 25 Oct is inside
    expect(partialNote("2026-11-16", "week", window, NOW)).toBeUndefined();
    expect(partialNote("2026-11-23", "week", window, NOW)).toBe("1 of 7 days, so far");
    const ahead = { fromMs: window.fromMs, toMs: Date.UTC(2026, 10, 26) };
    expect(partialNote("2026-11-25", "day", ahead, NOW)).toBe("not started");
    expect(partialNote("2026-11-23", "week", ahead, NOW)).toBe("3 of 7 days, so far");
  });
});
