import { describe, expect, it } from "vitest";
import { parseApiInstant, resolveWindow, startOfUtcWeek, utcDay } from "#contract/dates";

const at = (s: string) => parseApiInstant(s)!;

describe("parseApiInstant", () => {
  it("reads dates as UTC midnight and zoned date-times exactly", () => {
    expect(at("2026-06-01")).toEqual({ ms: Date.UTC(2026, 5, 1), dateOnly: true });
    expect(at("2026-06-01T10:15:22Z")).toEqual({ ms: Date.UTC(2026, 5, 1, 10, 15, 22), dateOnly: false });
    expect(at("2026-06-01T10:15:22.123+02:00").ms).toBe(Date.UTC(2026, 5, 1, 8, 15, 22, 123));
  });

  it.each(["2026-02-30", "2026-13-01", "2026-6-1", "2026-06-01T25:00:00Z", "2026-06-01T10:00:00", "yesterday", ""])(
    "refuses %j",
    (value) => expect(parseApiInstant(value)).toBeNull(),
  );

  it("accepts 29 February only in leap years", () => {
    expect(parseApiInstant("2028-02-29")).not.toBeNull();
    expect(parseApiInstant("2026-02-29")).toBeNull();
  });
});

describe("resolveWindow", () => {
  it("makes a date-only `to` inclusive of its whole day", () => {
    expect(resolveWindow(at("2026-06-01"), at("2026-06-01"))).toEqual({
      fromMs: Date.UTC(2026, 5, 1),
      toMs: Date.UTC(2026, 5, 2),
    });
  });

  it("keeps a date-time `to` exclusive as given", () => {
    expect(resolveWindow(at("2026-06-01"), at("2026-06-01T12:00:00Z"))).toEqual({
      fromMs: Date.UTC(2026, 5, 1),
      toMs: Date.UTC(2026, 5, 1, 12),
    });
  });

  it("allows exactly 31 days and refuses one millisecond more", () => {
    expect(resolveWindow(at("2026-06-01"), at("2026-07-01"))).toMatchObject({ toMs: Date.UTC(2026, 6, 2) - 0 });
    expect(resolveWindow(at("2026-06-01"), at("2026-07-01"))).not.toHaveProperty("param");
    expect(resolveWindow(at("2026-06-01"), at("2026-07-02"))).toMatchObject({ param: "to", type: "date.window" });
    expect(resolveWindow(at("2026-06-01T00:00:00Z"), at("2026-07-02T00:00:00.001Z"))).toMatchObject({ type: "date.window" });
  });

  it("refuses from after to, and an empty window", () => {
    expect(resolveWindow(at("2026-06-02"), at("2026-06-01"))).toMatchObject({ type: "date.order" });
    expect(resolveWindow(at("2026-06-01T10:00:00Z"), at("2026-06-01T10:00:00Z"))).toMatchObject({ type: "date.order" });
  });
});

describe("UTC buckets", () => {
  it("keys a week by its Monday, even across a month and year end", () => {
    expect(utcDay(startOfUtcWeek(Date.UTC(2026, 5, 7, 23, 59)))).toBe("2026-06-01"); // Sunday
    expect(utcDay(startOfUtcWeek(Date.UTC(2026, 5, 8)))).toBe("2026-06-08"); // Monday
    expect(utcDay(startOfUtcWeek(Date.UTC(2027, 0, 1)))).toBe("2026-12-28");
  });
});
