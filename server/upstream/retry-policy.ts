/** When and how long to wait before retrying an upstream call. */
export const MAX_RETRIES = 2;
export const BACKOFF_BASE_MS = 250;
/** A Retry-After longer than this is not waited out: the caller is told to come back later. */
export const RETRY_AFTER_CAP_MS = 5_000;

export const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** Exponential backoff with jitter: 250 ms, 500 ms… each scaled by a random 0.5..1. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  return BACKOFF_BASE_MS * 2 ** (retry - 1) * (0.5 + random() / 2);
}

/** Retry-After as ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(text: string | undefined, now = Date.now()): number | undefined {
  if (!text) return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}
