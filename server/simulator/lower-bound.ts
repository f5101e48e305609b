/**
 * Binary search over a sorted sequence: the first index in [0, length) whose element is not
 * below the target (`isBelow` false), or `length` when every element is below it.
 */
export function lowerBound(length: number, isBelow: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBelow(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
