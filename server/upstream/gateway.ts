import { LRUCache } from "lru-cache";
import { DAY_MS } from "#contract/assumptions";
import { parseApiInstant } from "#contract/dates";
import type { Metrics } from "../metrics";
import { BudgetExceeded, type Budget } from "./budget";
import type { CallKind, UpstreamClient, UpstreamOutcome } from "./client";

export interface GatewayOptions {
  /** Bytes of answers kept in memory. */
  cacheMaxBytes: number;
  /** How long a list or overview answer is reused. */
  cacheTtlMs: number;
  /** How long an overview of a window that ended over a day ago is reused (it will not change). */
  settledTtlMs: number;
  budget: Budget;
  metrics: Metrics | undefined;
  now?: () => number;
}

type Response = Extract<UpstreamOutcome, { kind: "response" }>;

/** What the cache holds of an answer: its bytes only, so the byte cap is what it really holds. */
type CachedAnswer = Pick<Response, "status" | "headers" | "raw">;

/**
 * A cached answer as the callers take it. Its JSON is parsed on first read, not kept: a proxied
 * page is sent as its bytes and never parsed again; a handler that reads the body pays one parse.
 */
function fromCache(entry: CachedAnswer): Response {
  let parsed: { value: unknown } | undefined;
  return {
    kind: "response",
    status: entry.status,
    headers: entry.headers,
    raw: entry.raw,
    attempts: 0,
    get json() {
      parsed ??= { value: parseJson(entry.raw) };
      return parsed.value;
    },
  };
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

/** The cache lifetime of an answer: longer for an overview whose window is long over. */
export function cacheTtlFor(path: string, query: URLSearchParams, now: number, options: Pick<GatewayOptions, "cacheTtlMs" | "settledTtlMs">): number {
  if (path !== "/vip-labels/overview") return options.cacheTtlMs;
  const to = parseApiInstant(query.get("to") ?? "");
  const endMs = to ? to.ms + (to.dateOnly ? DAY_MS : 0) : Number.POSITIVE_INFINITY;
  return endMs < now - DAY_MS ? options.settledTtlMs : options.cacheTtlMs;
}

/**
 * Spends the vendor's quota with care, in front of the signed client: identical calls in
 * flight share one upstream call (exports too); successful list and overview answers are
 * reused for a short time, within a byte budget; and every call waits its turn in the API
 * key's request budget. Access is checked before any of this, so a cached answer only ever
 * goes to someone the route already admitted.
 */
export function createGateway(client: UpstreamClient, options: GatewayOptions): UpstreamClient {
  const now = options.now ?? (() => Date.now());
  const cache = new LRUCache<string, CachedAnswer>({
    maxSize: options.cacheMaxBytes,
    sizeCalculation: (value, key) => value.raw.length + key.length + 256,
    ttl: options.cacheTtlMs,
    ttlAutopurge: false,
  });
  const inFlight = new Map<string, Promise<UpstreamOutcome>>();
  const m = options.metrics;

  async function call(path: string, query: URLSearchParams, kind: CallKind): Promise<UpstreamOutcome> {
    try {
      const { waitedMs, result } = await options.budget.run(() => client.get(path, query, kind));
      m?.queueWait.observe(waitedMs / 1000);
      m?.upstreamCalls.inc({ route: path, status: result.kind === "response" ? String(result.status) : result.kind });
      m?.upstreamAttempts.inc({ route: path }, result.attempts);
      if (result.attempts > 1) m?.upstreamRetries.inc({ route: path }, result.attempts - 1);
      return result;
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      m?.rateLimited.inc({ reason: "upstream-budget" });
      return { kind: "budget", attempts: 0, retryAfterMs: error.retryAfterMs };
    }
  }

  async function get(path: string, query: URLSearchParams, kind: CallKind): Promise<UpstreamOutcome> {
    const key = `${path}?${query.toString()}`;
    if (kind === "list") {
      const hit = cache.get(key);
      if (hit) {
        m?.cacheHits.inc({ route: path });
        return fromCache(hit);
      }
      m?.cacheMisses.inc({ route: path });
    }
    const pending = inFlight.get(key);
    if (pending) {
      m?.coalesced.inc({ route: path });
      return pending;
    }
    const started = call(path, query, kind).then((outcome) => {
      const ttl = cacheTtlFor(path, query, now(), options);
      if (kind === "list" && ttl > 0 && outcome.kind === "response" && outcome.status === 200) cache.set(key, { status: outcome.status, headers: outcome.headers, raw: outcome.raw }, { ttl });
      return outcome;
    });
    inFlight.set(key, started);
    try {
      return await started;
    } finally {
      inFlight.delete(key);
    }
  }

  return { get, skew: client.skew };
}
