import { VENDOR_CHANNEL_PARAM } from "#contract/channel-scope";
import type { ValidationIssue } from "#contract/responses";

/** A failed call to our server, with the message it gave (or one we could write). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: ValidationIssue[] = [],
    /** Set on a 403 that a role explains (rather than the vendor refusing a workspace). */
    readonly requiredRole?: string,
    /** From Retry-After on a 429 or 503: when asking again may succeed. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

/**
 * The dashboard's names, from the URL to the API call, and the vendor's for the same thing:
 * a channel is its `mediumId`, a message kind its `contentType` filter. This translates every
 * query string; a nested JSON body (a subscription) names the channel with the contract's
 * `VENDOR_CHANNEL_PARAM` where it is built.
 */
const VENDOR_PARAM_NAMES: Record<string, string> = { channelId: VENDOR_CHANNEL_PARAM, kind: "contentType" };

export function toSearch(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(VENDOR_PARAM_NAMES[key] ?? key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * The session is missing or over: go to sign-in and come back to this very view. The page
 * navigates away, so callers never show this error.
 */
function signInAgain(signInUrl: string) {
  const returnTo = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`${signInUrl}?returnTo=${encodeURIComponent(returnTo)}`);
}

async function errorFrom(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => undefined)) as
    | { message?: unknown; error?: ValidationIssue[]; signInUrl?: unknown; requiredRole?: unknown }
    | undefined;
  if (res.status === 401 && typeof body?.signInUrl === "string") signInAgain(body.signInUrl);
  if (Array.isArray(body?.error)) {
    return new ApiError(res.status, body.error.map((e) => e.message).join("; "), body.error);
  }
  if (typeof body?.message === "string") {
    const seconds = Number(res.headers.get("retry-after"));
    const retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
    return new ApiError(res.status, body.message, [], typeof body.requiredRole === "string" ? body.requiredRole : undefined, retryAfterMs);
  }
  return new ApiError(res.status, `The dashboard server answered HTTP ${res.status}.`);
}

/** GET a JSON resource from our own server (never anything else). */
export async function apiGet<T>(path: string, params: QueryParams = {}, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}${toSearch(params)}`, { signal, headers: { accept: "application/json" } });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "Could not reach the dashboard server. Check your connection and try again.");
  }
  if (!res.ok) throw await errorFrom(res);
  return (await res.json()) as T;
}

const warmedAt = new Map<string, number>();

/**
 * Asks our server to fetch a page it will soon be asked for into its cache, without sending
 * it here (204): nothing personal arrives, nor is audited as seen, before it is opened.
 * Fire and forget: a failure only means the real request will take the usual time.
 */
export function apiWarm(path: string, params: QueryParams = {}): void {
  const url = `/api${path}${toSearch(params)}`;
  const now = Date.now();
  // Within the server cache's life, the same page is warm already.
  if ((warmedAt.get(url) ?? -Infinity) > now - 20_000) return;
  warmedAt.set(url, now);
  if (warmedAt.size > 500) warmedAt.clear();
  void fetch(url, { headers: { accept: "application/json", "x-prefetch": "warm" } }).catch(() => undefined);
}

/**
 * POST a JSON object of parameters to our own server (creating an export). The browser adds
 * Origin and Sec-Fetch-Site, which the server checks: only our own pages may do this.
 */
export async function apiPost<T>(path: string, params: QueryParams = {}): Promise<T> {
  const body = Object.fromEntries(new URLSearchParams(toSearch(params).slice(1)));
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "Could not reach the dashboard server. Check your connection and try again.");
  }
  if (!res.ok) throw await errorFrom(res);
  return (await res.json()) as T;
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** POST, PATCH or DELETE a JSON body (nested, unlike `apiPost`'s flat parameters) to our own server. */
export async function apiSend<T>(method: "POST" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, "Could not reach the dashboard server. Check your connection and try again.");
  }
  if (!res.ok) throw await errorFrom(res);
  return (res.status === 204 ? undefined : await res.json()) as T;
}
