/** A page button, or a gap ("…") between page numbers not shown. */
export type PageItem = number | "gap";

/**
 * The page numbers to offer: the first, the last known, and the current one with a neighbour
 * on each side, gaps where pages are left out ("1 … 4 5 6 … 104"). Seven items at most, so it
 * fits a phone.
 */
export function pageItems(current: number, last: number): PageItem[] {
  const wanted = new Set([1, last, current - 1, current, current + 1].filter((p) => p >= 1 && p <= last));
  const sorted = [...wanted].sort((a, b) => a - b);
  const items: PageItem[] = [];
  for (const page of sorted) {
    const previous = items.at(-1);
    if (typeof previous === "number" && page - previous === 2) items.push(previous + 1);
    else if (typeof previous === "number" && page - previous > 2) items.push("gap");
    items.push(page);
  }
  return items;
}

/**
 * The last page the total allows; when the upstream stopped counting (capped) this is only
 * the last page known so far, and more may follow.
 */
export const lastPage = (total: number, size: number): number => Math.max(1, Math.ceil(total / size));
