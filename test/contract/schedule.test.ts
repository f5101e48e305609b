import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantOf, isKnownTimeZone, localDayAt, nextOccurrence, quietUntil, wallClockAt, type Schedule } from "#contract/schedule";

const iso = (ms: number) => new Date(ms).toISOString();
const daily = (at: string, timeZone: string): Schedule => ({ every: "day", at, timeZone });

/** Every occurrence from `fromIso` for `days` days: what a scheduler stepping from one to the next would send. */
function occurrences(schedule: Schedule, fromIso: string, count: number) {
  const out: { at: string; localDay: string }[] = [];
  let after = Date.parse(fromIso);
  for (let i = 0; i < count; i++) {
    const next = nextOccurrence(schedule, after);
    out.push({ at: iso(next.atMs), localDay: next.localDay });
    after = next.atMs;
  }
  return out;
}

describe("when a digest is due", () => {
  it("09:00 Europe/Berlin stays 09:00 across the March change (08:00Z, then 07:00Z)", () => {
    // 2027-03-28 is the last Sunday of March: clocks go from 02:00 to 03:00.
    expect(occurrences(daily("09:00", "Europe/Berlin"), "2027-03-26T12:00:00Z", 4).map((o) => o.at)).toEqual([
      "2027-03-27T08:00:00.000Z",
      "2027-03-28T07:00:00.000Z",
      "2027-03-29T07:00:00.000Z",
      "2027-03-30T07:00:00.000Z",
    ]);
  });

  it("a time the spring change skips is sent once, just after the gap", () => {
    const [sunday] = occurrences(daily("02:30", "Europe/Berlin"), "2027-03-27T12:00:00Z", 1);
    expect(sunday).toEqual({ at: "2027-03-28T01:30:00.000Z", localDay: "2027-03-28" });
    expect(wallClockAt(Date.parse(sunday!.at), "Europe/Berlin")).toMatchObject({ hour: 3, minute: 30 });
  });

  it("a time the autumn change repeats is sent once, at its first instant", () => {
    // 2027-10-31: 03:00 CEST goes back to 02:00 CET, so 02:30 happens twice.
    const sends = occurrences(daily("02:30", "Europe/Berlin"), "2027-10-30T12:00:00Z", 3);
    expect(sends.map((o) => o.at)).toEqual(["2027-10-31T00:30:00.000Z", "2027-11-01T01:30:00.000Z", "2027-11-02T01:30:00.000Z"]);
    expect(new Set(sends.map((o) => o.localDay)).size).toBe(3);
  });

  it("half-hour and odd zones: Asia/Kolkata (+05:30), America/St_Johns (−03:30, then −02:30)", () => {
    expect(occurrences(daily("09:00", "Asia/Kolkata"), "2027-01-01T00:00:00Z", 1)[0]!.at).toBe("2027-01-01T03:30:00.000Z");
    // Newfoundland moves to daylight time on 2027-03-14.
    expect(occurrences(daily("09:00", "America/St_Johns"), "2027-03-13T00:00:00Z", 2).map((o) => o.at)).toEqual([
      "2027-03-13T12:30:00.000Z",
      "2027-03-14T11:30:00.000Z",
    ]);
  });

  it("weekly on a chosen ISO weekday (1 = Monday)", () => {
    const mondays = occurrences({ every: "week", weekday: 1, at: "08:15", timeZone: "UTC" }, "2026-12-02T00:00:00Z", 3);
    expect(mondays.map((o) => o.localDay)).toEqual(["2026-12-07", "2026-12-14", "2026-12-21"]);
    const sunday = occurrences({ every: "week", weekday: 7, at: "23:45", timeZone: "Pacific/Auckland" }, "2026-12-02T00:00:00Z", 1)[0]!;
    expect(sunday.localDay).toBe("2026-12-06");
    expect(sunday.at).toBe("2026-12-06T10:45:00.000Z");
  });

  it("the occurrence due exactly now is not due again", () => {
    const at = Date.parse("2026-12-02T09:00:00Z");
    expect(nextOccurrence(daily("09:00", "UTC"), at).atMs).toBe(at + 86_400_000);
    expect(nextOccurrence(daily("09:00", "UTC"), at - 1).atMs).toBe(at);
  });

  it("in any zone, each local day is sent once, at that day's wall time (or just after a gap), in order", () => {
    const zones = ["Europe/Berlin", "Asia/Kolkata", "America/St_Johns", "Australia/Lord_Howe", "America/Santiago", "UTC", "Asia/Kathmandu"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2028-12-31T00:00:00Z") }),
        (timeZone, h, m, start) => {
          const at = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
          const sends = occurrences(daily(at, timeZone), iso(start), 40);
          const days = sends.map((s) => s.localDay);
          expect(new Set(days).size).toBe(days.length);
          for (let i = 1; i < sends.length; i++) {
            expect(Date.parse(sends[i]!.at)).toBeGreaterThan(Date.parse(sends[i - 1]!.at));
            // Consecutive local days: none skipped.
            expect(Date.parse(`${days[i]}T00:00:00Z`) - Date.parse(`${days[i - 1]}T00:00:00Z`)).toBe(86_400_000);
          }
          for (const send of sends) {
            expect(localDayAt(Date.parse(send.at), timeZone)).toBe(send.localDay);
            const wall = wallClockAt(Date.parse(send.at), timeZone);
            const minutes = wall.hour * 60 + wall.minute;
            // The wall time itself, or (in a gap of at most an hour) up to an hour later.
            expect(minutes - (h * 60 + m)).toBeGreaterThanOrEqual(0);
            expect(minutes - (h * 60 + m)).toBeLessThanOrEqual(60);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("knows IANA zones and refuses others", () => {
    expect(isKnownTimeZone("Europe/Berlin")).toBe(true);
    expect(isKnownTimeZone("America/St_Johns")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus")).toBe(false);
    expect(isKnownTimeZone("Europe/Berlin; drop table")).toBe(false);
  });

  it("instantOf names a normal local time exactly", () => {
    expect(iso(instantOf("2026-07-01", "09:00", "Europe/Berlin"))).toBe("2026-07-01T07:00:00.000Z");
  });
});

describe("quiet hours", () => {
  it("holds until they end, across midnight, in the subscriber's zone", () => {
    const quiet = { from: "22:00", to: "07:00" };
    expect(iso(quietUntil(quiet, Date.parse("2026-12-02T23:30:00Z"), "Europe/Berlin")!)).toBe("2026-12-03T06:00:00.000Z");
    expect(iso(quietUntil(quiet, Date.parse("2026-12-03T05:00:00Z"), "Europe/Berlin")!)).toBe("2026-12-03T06:00:00.000Z");
    expect(quietUntil(quiet, Date.parse("2026-12-03T06:00:00Z"), "Europe/Berlin")).toBeUndefined();
    expect(quietUntil({ from: "12:00", to: "13:00" }, Date.parse("2026-12-03T12:30:00Z"), "UTC")).toBe(Date.parse("2026-12-03T13:00:00Z"));
  });
});
