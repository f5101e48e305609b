import { READER_TIME_ZONE } from "../../lib/format/locale";

/**
 * The time zone a birthday list's "today" is read in. UTC unless the manager picks another,
 * which this browser then remembers: a team in Tokyo greets players on Tokyo's day.
 */
const STORAGE_KEY = "dynamo-vip:birthday-time-zone";
export const DEFAULT_TIME_ZONE = "UTC";

export function isTimeZone(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    // Throws a RangeError for a name the browser does not know.
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone !== "";
  } catch {
    return false;
  }
}

export function rememberedTimeZone(): string {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isTimeZone(stored) ? stored : DEFAULT_TIME_ZONE;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

export function rememberTimeZone(zone: string) {
  try {
    window.localStorage.setItem(STORAGE_KEY, zone);
  } catch {
    // Private browsing without storage: the zone still holds for this page (it is in the URL).
  }
}

/** Today's calendar day (`YYYY-MM-DD`) in `zone`. */
export function todayIn(zone: string, now: number): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

let choices: string[] | undefined;

/** UTC, the reader's own zone, then every zone the browser knows (built once: ~400 names; the browser's own list needs no check). */
export function timeZoneChoices(): string[] {
  choices ??= [...new Set([DEFAULT_TIME_ZONE, ...(isTimeZone(READER_TIME_ZONE) ? [READER_TIME_ZONE] : []), ...Intl.supportedValuesOf("timeZone")])];
  return choices;
}
