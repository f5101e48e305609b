import { describe, expect, it } from "vitest";
import { DAY_MS as DAY } from "#contract/assumptions";
import { formatBirthday, formatBothClocks, formatReaderTime, formatRelative, formatShortDay, formatUtc, monthName } from "../../../../src/lib/format/dates";

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
  ])("%j -> %j", (value, shown) => expect(formatBirthday(value, "en-US")).toBe(shown));

  it("follows the reader's locale, and no time zone moves a calendar date", () => {
    expect(formatBirthday("1990-06-14", "de-DE")).toBe("14. Juni 1990");
    expect(formatBirthday("--06-14", "de-DE")).toBe("14. Juni");
    expect(monthName(12, "de-DE")).toBe("Dezember");
    expect(monthName(12, "en-US")).toBe("December");
    expect(formatShortDay("2026-11-06", "de-DE")).toBe("6. Nov.");
  });
});

describe("one clock: UTC first, the reader's second", () => {
  const ts = Date.UTC(2026, 10, 6, 20, 56); // 20:56 UTC on 6 November is already 7 November in Tokyo
  it("reads the UTC date of the bucket, with the reader's own time beside it in their locale", () => {
    expect(formatUtc(ts)).toBe("2026-11-06 20:56 UTC");
    expect(formatReaderTime(ts, "de-DE", "Asia/Tokyo")).toBe("7. Nov. 2026, 05:56 GMT+9");
    expect(formatReaderTime(ts, "en-US", "UTC")).toBeUndefined();
    expect(formatBothClocks(ts, "de-DE", "Asia/Tokyo")).toBe("2026-11-06 20:56:00 UTC · 7. Nov. 2026, 05:56 GMT+9 (your time)");
  });
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

describe("one date style per locale", () => {
  it("a window and a span of days read in the reader's locale, in UTC", async () => {
    const { formatDays, formatWindow } = await import("../../../../src/lib/format/dates");
    const range = { fromMs: Date.parse("2026-11-03T00:00:00Z"), toMs: Date.parse("2026-12-03T00:00:00Z") };
    expect(formatWindow(range, "de-DE")).toBe("03.11.2026, 00:00 – 03.12.2026, 00:00 UTC");
    expect(formatWindow(range, "en-US")).toBe("Nov 3, 2026, 00:00 – Dec 3, 2026, 00:00 UTC");
    expect(formatDays("2026-10-04", "2026-11-02", "de-DE")).toBe("04.10.2026 to 02.11.2026");
  });
});
