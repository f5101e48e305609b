import { numberFormat, READER_LOCALE } from "./locale";

const PERCENT = { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;

/** 1234 -> "1,234" (in the reader's locale: "1.234" in German). */
export const formatCount = (n: number, locale = READER_LOCALE): string => numberFormat(locale).format(n);

/** A share of the activity baseline, or undefined when there was no activity to compare with. */
export function rate(count: number, activity: number): number | undefined {
  return activity > 0 ? count / activity : undefined;
}

/** 0.0345 -> "3.5%" ("3,5 %" in German); no baseline -> "–" (a rate over nothing is not 0%). */
export const formatRate = (value: number | undefined, locale = READER_LOCALE): string =>
  value === undefined ? "–" : numberFormat(locale, PERCENT).format(value);

/** "1,234 rows" / "1 row". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;
