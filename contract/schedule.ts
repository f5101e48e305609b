/**
 * When a digest is due: a wall-clock time in an IANA time zone, every day or on one weekday.
 * 09:00 Europe/Berlin is 09:00 on both sides of a DST change; a time the change skips is sent
 * at the first instant after the gap (02:30 on the spring-forward night is 03:30), and a time it
 * repeats is sent once, at its first instant. Each local day is one occurrence, named by it.
 */
export interface Schedule {
  every: "day" | "week";
  /** ISO weekday, 1 = Monday … 7 = Sunday; only for `every: "week"`. */
  weekday?: number | undefined;
  /** "HH:MM", 24-hour, local to `timeZone`. */
  at: string;
  timeZone: string;
}

export interface Occurrence {
  /** The instant it is due (UTC ms). */
  atMs: number;
  /** The local day it belongs to, `YYYY-MM-DD`: one send per local day, whatever DST does. */
  localDay: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether `timeZone` is an IANA zone this runtime knows (Europe/Berlin, Asia/Kolkata, UTC…). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 } as const;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
}

/** The wall clock in `timeZone` at instant `ms`. */
export function wallClockAt(ms: number, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(ms).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday as keyof typeof WEEKDAYS],
  };
}

/** The zone's offset from UTC at `ms`, in ms (Berlin in winter: +3,600,000). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClockAt(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The instant a local day's wall time names (the gap and repeat rules above). */
export function instantOf(localDay: string, at: string, timeZone: string): number {
  const [y, m, d] = localDay.split("-").map(Number) as [number, number, number];
  const [hh, mm] = at.split(":").map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  const before = naive - offsetAt(naive - 12 * 3_600_000, timeZone);
  const after = naive - offsetAt(naive + 12 * 3_600_000, timeZone);
  const names = (ms: number) => {
    const w = wallClockAt(ms, timeZone);
    return w.year === y && w.month === m && w.day === d && w.hour === hh && w.minute === mm;
  };
  const valid = [before, after].filter(names);
  // Repeated: the first. Skipped (none valid): the offset before the change, which lands just
  // after the gap (02:30 + the winter offset reads 03:30 in summer time).
  return valid.length > 0 ? Math.min(...valid) : before;
}

function addDays(localDay: string, n: number): string {
  const [y, m, d] = localDay.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

const isoWeekday = (localDay: string) => {
  const [y, m, d] = localDay.split("-").map(Number) as [number, number, number];
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
};

/** The local day (in `timeZone`) of instant `ms`, `YYYY-MM-DD`. */
export function localDayAt(ms: number, timeZone: string): string {
  const w = wallClockAt(ms, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** The first occurrence strictly after `afterMs`. */
export function nextOccurrence(schedule: Schedule, afterMs: number): Occurrence {
  const start = addDays(localDayAt(afterMs, schedule.timeZone), -1);
  for (let i = 0; i < 10; i++) {
    const localDay = addDays(start, i);
    if (schedule.every === "week" && isoWeekday(localDay) !== schedule.weekday) continue;
    const atMs = instantOf(localDay, schedule.at, schedule.timeZone);
    if (atMs > afterMs) return { atMs, localDay };
  }
  // Unreachable: a week holds every weekday.
  throw new Error("no occurrence within ten days");
}

/**
 * Whether `ms` falls in quiet hours `from`–`to` (local, `to` exclusive; across midnight when
 * `from` > `to`), and if so the instant they end.
 */
export function quietUntil(quiet: { from: string; to: string }, ms: number, timeZone: string): number | undefined {
  const w = wallClockAt(ms, timeZone);
  const minutes = w.hour * 60 + w.minute;
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const [from, to] = [toMinutes(quiet.from), toMinutes(quiet.to)];
  const inside = from <= to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
  if (!inside || from === to) return undefined;
  const today = localDayAt(ms, timeZone);
  const end = instantOf(today, quiet.to, timeZone);
  return end > ms ? end : instantOf(addDays(today, 1), quiet.to, timeZone);
}
