import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { memoryMiB, npmStartFlags, startChild, stopAll } from "./processes";

/**
 * Load: 200 concurrent clients for 60 s over a mix of routes (users pages at many offsets, the
 * overview, message pages, the workspace list), a quarter of the requests asking something no
 * one asked before (a new page of a new filter, a new window: what fills a cache and audit
 * log without end), against the demo server as `npm start` runs it, with its defaults but
 * the per-person limit and the API key's budget raised (in local mode every client is the one
 * local user, and the budget would rightly refuse a load no studio makes: this measures the
 * server, not the vendor's quota). Reports errors and the server's RSS every 5 s, after
 * warm-up, at the end and 30 s after the load stops. Bounded in time.
 */
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 200);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const startFlags = npmStartFlags();
/** The server's own /metrics (prom-client's process metrics), read beside each RSS sample to say what the memory is. */
const METRICS_TOKEN = randomBytes(24).toString("hex");
const { line, child } = await startChild(
  "server/launch.mjs",
  { PORT: "0", LOG_LEVEL: "info", NODE_ENV: "", USER_REQUESTS_PER_MINUTE: "1000000", UPSTREAM_MAX_RPS: "10000", UPSTREAM_MAX_CONCURRENCY: "64", METRICS_TOKEN, DATA_DIR: mkdtempSync(join(tmpdir(), "bench-soak-")) },
  /Dashboard at/,
  120_000,
  startFlags,
);
const url = /Dashboard at (http:\/\/[^\s"]+)/.exec(line)![1]!;
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const gate = "workspaceId=ws_aurora&mediumId=ch_aurora_messenger";
const paths = [
  () => `/api/vip-users?${gate}&limit=50&offset=${50 * Math.floor(Math.random() * 100)}`,
  () => `/api/vip-labels/overview?${gate}&from=${day(29)}&to=${day(0)}`,
  () => `/api/vip-messages?${gate}&from=${day(1 + Math.floor(Math.random() * 20))}&to=${day(0)}&limit=100`,
  () => "/api/workspaces",
];
/** Never asked before in this run: a new (filter, page size, offset), a new message window and cursor. */
let fresh = 0;
const novel = [
  () => {
    const n = fresh++;
    const filter = n % 3 === 0 ? "" : n % 3 === 1 ? `&birthdayMonth=${1 + (n % 12)}` : "&hasBirthday=true";
    return `/api/vip-users?${gate}${filter}&limit=${10 + (n % 41)}&offset=${n}`;
  },
  () => {
    const n = fresh++;
    return `/api/vip-messages?${gate}&from=${day(1 + (n % 25))}&to=${day(n % 2)}&limit=${20 + (n % 81)}&before=${Date.now() - n * 997}`;
  },
];
const pick = () => (Math.random() < 0.25 ? novel[Math.floor(Math.random() * novel.length)]! : paths[Math.floor(Math.random() * paths.length)]!)();

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
const statuses = new Map<number, number>();
let requests = 0;
const once = () =>
  new Promise<void>((resolve) => {
    const req = http.get(url + pick(), { agent }, (res) => {
      res.resume();
      res.on("end", () => {
        statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1);
        requests += 1;
        resolve();
      });
    });
    req.on("error", () => {
      statuses.set(-1, (statuses.get(-1) ?? 0) + 1);
      resolve();
    });
  });

/** V8's heap in use and reserved, and memory outside it (Buffers, such as the cache's answers, and the embedded PGlite's WebAssembly memory), in MiB. */
interface HeapSample {
  used: number;
  total: number;
  external: number;
}
async function heapOf(): Promise<HeapSample | undefined> {
  try {
    const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)`, "m").exec(text)?.[1] ?? NaN) / 2 ** 20;
    return { used: gauge("nodejs_heap_size_used_bytes"), total: gauge("nodejs_heap_size_total_bytes"), external: gauge("nodejs_external_memory_bytes") };
  } catch {
    return undefined;
  }
}

/** The slope of y over x of the points, by least squares: how fast RSS still moves once warm. */
function leastSquaresSlope(points: [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

const endAt = performance.now() + SECONDS * 1000;
const samples: { at: number; rss: number; heap?: HeapSample }[] = [];
const sampler = setInterval(() => {
  const sample: (typeof samples)[number] = { at: Math.round((SECONDS * 1000 - (endAt - performance.now())) / 1000), rss: memoryMiB(child.pid).rss };
  samples.push(sample);
  void heapOf().then((heap) => (sample.heap = heap));
}, 5000);
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < endAt) await once();
  }),
);
clearInterval(sampler);
agent.destroy();
// And at rest: what the server keeps once the load is gone.
await new Promise((resolve) => setTimeout(resolve, 30_000));
const rest = memoryMiB(child.pid).rss;
const restHeap = await heapOf();

const out = (s = "") => process.stdout.write(`${s}\n`);
const errors = [...statuses].filter(([s]) => s !== 200).reduce((n, [, c]) => n + c, 0);
out(`# Load: ${CLIENTS} concurrent clients for ${SECONDS} s, ${new Date().toISOString()}`);
out(`Requests: ${requests} (${Math.round(requests / SECONDS)}/s); statuses: ${[...statuses].map(([s, c]) => `${s}×${c}`).join(", ")}; errors: ${errors} (target 0).`);
out(`Server RSS (MiB) every 5 s: ${samples.map((s) => `${s.at}s ${Math.round(s.rss)}`).join(", ")}.`);
const warm = samples.find((s) => s.at >= 15) ?? samples[0];
const last = samples.at(-1);
if (warm && last) out(`After warm-up (${warm.at} s) → end → 30 s at rest: ${Math.round(warm.rss)} → ${Math.round(last.rss)} → ${Math.round(rest)} MiB (target: flat).`);
const secondHalf = samples.filter((s) => s.at > SECONDS / 2);
if (secondHalf.length >= 3) {
  const slope = leastSquaresSlope(secondHalf.map((s) => [s.at / 60, s.rss]));
  const rss = secondHalf.map((s) => s.rss);
  out(
    `Second half (${secondHalf[0]!.at}–${secondHalf.at(-1)!.at} s): RSS ${Math.round(Math.min(...rss))}–${Math.round(Math.max(...rss))} MiB, trend ${slope >= 0 ? "+" : ""}${slope.toFixed(1)} MiB a minute (least squares over its samples; flat: within ±2).`,
  );
}
const heapText = (h: HeapSample | undefined) => (h ? `heap ${Math.round(h.used)} used of ${Math.round(h.total)}, external ${Math.round(h.external)}` : "heap not read");
out(`Where it is (MiB; external: Buffers, the cache's answers among them, and the embedded PGlite's WebAssembly memory; the rest of RSS is code and the allocator's arenas): after warm-up ${heapText(warm?.heap)}; at the end ${heapText(last?.heap)}; at rest ${heapText(restHeap)}.`);
out(`Requests never asked before: ${fresh} (a quarter of all).`);
out();
out("Reproduce: `npm run build && node --import tsx bench/soak.ts` (part of `npm run bench`; SOAK_CLIENTS, SOAK_SECONDS).");
await stopAll();
