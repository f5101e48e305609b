import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * Prometheus metrics (prom-client), one registry per dashboard instance. Labels are route
 * templates and statuses, never ids, e-mails or query values: low cardinality, no personal data.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const m = {
    registry,
    requests: new Counter({ name: "dashboard_http_requests_total", help: "Requests answered", labelNames: ["route", "method", "status"], registers: [registry] }),
    latency: new Histogram({
      name: "dashboard_http_request_duration_seconds",
      help: "Time to answer a request",
      labelNames: ["route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    upstreamCalls: new Counter({ name: "dashboard_upstream_calls_total", help: "Calls to the Dynamo API, by outcome", labelNames: ["route", "status"], registers: [registry] }),
    upstreamAttempts: new Counter({ name: "dashboard_upstream_attempts_total", help: "HTTP attempts to the Dynamo API, retries included", labelNames: ["route"], registers: [registry] }),
    upstreamRetries: new Counter({ name: "dashboard_upstream_retries_total", help: "Retried attempts to the Dynamo API", labelNames: ["route"], registers: [registry] }),
    notifications: new Counter({ name: "dashboard_notifications_total", help: "Notification send attempts, by destination type and outcome", labelNames: ["type", "outcome"], registers: [registry] }),
    cacheHits: new Counter({ name: "dashboard_cache_hits_total", help: "Answers served from the cache", labelNames: ["route"], registers: [registry] }),
    cacheMisses: new Counter({ name: "dashboard_cache_misses_total", help: "Cacheable requests not in the cache", labelNames: ["route"], registers: [registry] }),
    coalesced: new Counter({ name: "dashboard_coalesced_requests_total", help: "Requests that shared an identical call already in flight", labelNames: ["route"], registers: [registry] }),
    queueWait: new Histogram({
      name: "dashboard_upstream_queue_wait_seconds",
      help: "Time a call waited for the upstream budget",
      buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
      registers: [registry],
    }),
    rateLimited: new Counter({ name: "dashboard_rate_limited_total", help: "429s sent, by reason", labelNames: ["reason"], registers: [registry] }),
    bytesStreamed: new Counter({ name: "dashboard_download_bytes_total", help: "Export bytes streamed to browsers", registers: [registry] }),
  };
  let countSessions: () => Promise<number> = async () => 0;
  const sessions = new Gauge({
    name: "dashboard_sessions_active",
    help: "Signed-in sessions that have not ended",
    registers: [registry],
    async collect() {
      this.set(await countSessions().catch(() => 0));
    },
  });
  return {
    ...m,
    sessions,
    /** Counts sessions at each scrape (from the database, so every instance agrees). */
    countSessions(count: () => Promise<number>) {
      countSessions = count;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
