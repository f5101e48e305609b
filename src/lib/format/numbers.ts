const integer = new Intl.NumberFormat("en-US");
const percent = new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 1234 -> "1,234". */
export const formatCount = (n: number): string => integer.format(n);

/** A share of the activity baseline, or undefined when there was no activity to compare with. */
export function rate(count: number, activity: number): number | undefined {
  return activity > 0 ? count / activity : undefined;
}

/** 0.0345 -> "3.5%"; no baseline -> "–" (a rate over nothing is not 0%). */
export const formatRate = (value: number | undefined): string => (value === undefined ? "–" : percent.format(value));

/** "1,234 rows" / "1 row". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;
