import type { Timeouts, UpstreamCredentials } from "../config";
import { firstHeaderValue } from "../header-value";
import { signedHeaders } from "../signing";
import { ClockSkew } from "./clock-skew";
import { AttemptTimeoutError, getBuffered, ResponseTooLargeError, type ResponseHeaders } from "./http-get";
import { MAX_RETRIES, RETRY_AFTER_CAP_MS, RETRYABLE_STATUSES, backoffMs, parseRetryAfter } from "./retry-policy";

/** What one proxied call came to, after retries: the caller maps it onto our own answer. */
export type UpstreamOutcome =
  | {
      kind: "response";
      status: number;
      headers: ResponseHeaders;
      /** Parsed JSON body; undefined when the body was not JSON. */
      json: unknown;
      /** The body as received, forwarded unchanged once it has been validated. */
      raw: Buffer;
      attempts: number;
    }
  | { kind: "timeout"; attempts: number; deadlineMs: number }
  | { kind: "network"; attempts: number; code: string }
  /** The answer was larger than the dashboard buffers: refused, not retried. */
  | { kind: "too-large"; attempts: number; limitBytes: number }
  /** Not sent: the API key's request budget was spent (see budget.ts). */
  | { kind: "budget"; attempts: 0; retryAfterMs: number };

export type CallKind = "list" | "export";

export interface UpstreamClient {
  get(path: string, query: URLSearchParams, kind: CallKind): Promise<UpstreamOutcome>;
  readonly skew: ClockSkew;
}

export interface UpstreamClientOptions extends UpstreamCredentials {
  timeouts: Timeouts;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Bodies larger than this are refused rather than buffered (a users page is well under 1 MB). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function parseJson(headers: ResponseHeaders, body: Buffer): unknown {
  if (!/\bjson\b/i.test(firstHeaderValue(headers, "content-type") ?? "")) return undefined;
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}

export function upstreamUrl(baseUrl: URL, path: string, query: URLSearchParams): URL {
  const url = new URL(baseUrl);
  url.pathname = url.pathname.replace(/\/+$/, "") + path;
  url.search = query.toString();
  url.hash = "";
  return url;
}

/**
 * Signs and sends GETs to the Dynamo API: a fresh x-date per attempt; at most MAX_RETRIES
 * retries with backoff for network errors, attempt timeouts, 429 and 502/503/504; one extra
 * attempt after a 401 that the upstream's Date header explains as clock skew; and everything
 * inside one deadline per call.
 */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const skew = new ClockSkew(now);

  async function get(path: string, query: URLSearchParams, kind: CallKind): Promise<UpstreamOutcome> {
    const deadlineMs = kind === "export" ? options.timeouts.exportDeadlineMs : options.timeouts.listDeadlineMs;
    const attemptMs = kind === "export" ? options.timeouts.exportAttemptMs : options.timeouts.listAttemptMs;
    const deadline = now() + deadlineMs;
    const url = upstreamUrl(options.baseUrl, path, query);
    let attempts = 0;
    let retries = 0;
    let skewRetried = false;
    let last: UpstreamOutcome = { kind: "timeout", attempts, deadlineMs };

    /** Waits before the next retry when one is allowed and fits the deadline. */
    const mayRetry = async (waitMs: number) => {
      if (retries >= MAX_RETRIES || now() + waitMs >= deadline) return false;
      retries += 1;
      await sleep(waitMs);
      return true;
    };

    for (;;) {
      const remaining = deadline - now();
      if (remaining <= 0) return last.kind === "response" ? last : { kind: "timeout", attempts, deadlineMs };
      attempts += 1;
      const signedAt = skew.signingTime();
      const headers = { accept: "application/json", ...signedHeaders(options.apiKey, options.apiSecret, signedAt) };
      const sentAt = now();
      let res;
      try {
        res = await getBuffered(url, headers, Math.min(attemptMs, remaining), MAX_BODY_BYTES);
      } catch (error) {
        if (error instanceof ResponseTooLargeError) return { kind: "too-large", attempts, limitBytes: MAX_BODY_BYTES };
        last =
          error instanceof AttemptTimeoutError
            ? { kind: "timeout", attempts, deadlineMs }
            : { kind: "network", attempts, code: (error as NodeJS.ErrnoException).code ?? "ERROR" };
        if (await mayRetry(backoffMs(retries + 1, options.random))) continue;
        return { ...last, attempts };
      }
      const receivedAt = now();
      skew.observe(firstHeaderValue(res.headers, "date"), sentAt, receivedAt);
      last = {
        kind: "response",
        status: res.status,
        headers: res.headers,
        json: parseJson(res.headers, res.body),
        raw: res.body,
        attempts,
      };

      if (res.status === 401 && !skewRetried) {
        skewRetried = true;
        if (skew.explainsRejection(signedAt.getTime(), firstHeaderValue(res.headers, "date"), sentAt, receivedAt)) continue;
      }
      if (!RETRYABLE_STATUSES.has(res.status)) return last;
      const retryAfter = parseRetryAfter(firstHeaderValue(res.headers, "retry-after"), now());
      if (retryAfter !== undefined && retryAfter > RETRY_AFTER_CAP_MS) return last;
      if (await mayRetry(Math.max(backoffMs(retries + 1, options.random), retryAfter ?? 0))) continue;
      return last;
    }
  }

  return { get, skew };
}
