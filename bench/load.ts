import http from "node:http";

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * A small closed-loop load generator: `concurrency` workers each send a GET, wait for the
 * whole body, and send the next, for `seconds`. Latencies in ms. Bounded in time and count.
 */
export async function runLoad(opts: {
  /** One URL, or the n-th request's URL (distinct queries, as people page and filter). */
  url: string | ((n: number) => string);
  headers?: () => Record<string, string>;
  concurrency: number;
  seconds: number;
  maxRequests?: number;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const endAt = started + opts.seconds * 1000;
  const max = opts.maxRequests ?? 1_000_000;
  let sent = 0;
  const urlOf = typeof opts.url === "string" ? () => opts.url as string : opts.url;
  const once = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.get(urlOf(sent++), { agent, headers: opts.headers?.() }, (res) => {
        res.on("data", () => undefined);
        res.on("end", () => {
          if (res.statusCode === 200) latencies.push(performance.now() - t0);
          else errors += 1;
          resolve();
        });
      });
      req.on("error", () => {
        errors += 1;
        resolve();
      });
    });
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (performance.now() < endAt && latencies.length + errors < max) await once();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
}
