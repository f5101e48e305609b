import { LRUCache } from "lru-cache";

/**
 * The same person viewing the same personal-data list (same route and filters) again within a
 * minute, by reloading, going back or prefetching, is the same view for the audit: one row,
 * not one per request. A different page, filter or person is a new row at once.
 */
export function createViewDedupe(windowMs = 60_000) {
  const seen = new LRUCache<string, true>({ max: 20_000, ttl: windowMs });
  return {
    /** True the first time `key` is seen within the window. */
    isNew(key: string): boolean {
      if (seen.has(key)) return false;
      seen.set(key, true);
      return true;
    },
  };
}
