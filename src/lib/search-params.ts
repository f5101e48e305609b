/** Small, forgiving readers for view state kept in the URL: a bad value falls back to the default. */

export function readInt(params: URLSearchParams, key: string, min: number, max: number): number | undefined {
  const raw = params.get(key);
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}

export function readEnum<T extends string>(params: URLSearchParams, key: string, values: readonly T[], fallback: T): T {
  const raw = params.get(key);
  return (values as readonly string[]).includes(raw ?? "") ? (raw as T) : fallback;
}

export function readList(params: URLSearchParams, key: string): string[] {
  return (params.get(key) ?? "").split(",").filter(Boolean);
}

/** A copy of `params` with `patch` applied: undefined or "" removes a key. */
export function withParams(params: URLSearchParams, patch: Record<string, string | number | undefined>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}
