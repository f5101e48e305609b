/**
 * The reader's locale and time zone, as the browser reports them. Numbers, dates and month
 * names all follow this one locale (a German reader gets "1.234" and "7. Nov." alike, never a
 * mix); the dashboard's own words stay English. Times are read in UTC first, the dashboard's
 * clock, because its buckets are UTC; the reader's zone is the second reading.
 */
const resolved = new Intl.DateTimeFormat().resolvedOptions();

export const READER_LOCALE: string = resolved.locale;
export const READER_TIME_ZONE: string = resolved.timeZone;

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/** An Intl formatter, built once per locale and options (they are costly to make). */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}
