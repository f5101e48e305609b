import { cpus, totalmem } from "node:os";
import { DAY_MS } from "#contract/assumptions";
import { startOfUtcDay, utcDay } from "#contract/dates";
import { signedHeaders } from "../server/signing";
import { runLoad, type LoadResult } from "./load";
import { cpuMs, liveDashboardEnv, memoryMiB, startChild, stopAll, type SimulatorCoordinates } from "./processes";

/**
 * `npm run bench`: the simulator's latencies and the proxy's cost, side by side in one run.
 * The simulator and the dashboard server each run in their own process, as in production;
 * this process only generates load. Prints a Markdown report.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const { line } = await startChild("bench/serve-simulator.ts", {}, /^\{/);
const sim = JSON.parse(line) as SimulatorCoordinates;
/** The compiled server, run as an operator runs it (`npm run bench` builds it first). */
const SERVER = "dist/server/main.js";
/** A dashboard in front of the simulator: the cost measured is the proxy's, so no cache, and budgets out of the way. */
const dashboardEnv = (cacheSeconds: string) => ({ ...liveDashboardEnv(sim, "bench-data-"), CACHE_TTL_SECONDS: cacheSeconds });
const { line: proxyLine, child: proxyChild } = await startChild(SERVER, dashboardEnv("0"), /Dashboard at/);
const proxyUrl = (JSON.parse(proxyLine) as { url: string }).url;
const { line: cachedLine } = await startChild(SERVER, dashboardEnv("600"), /Dashboard at/);
const cachedUrl = (JSON.parse(cachedLine) as { url: string }).url;
const { line: bareLine } = await startChild("bench/bare-forwarder.ts", { TARGET: sim.url, API_KEY: sim.apiKey, API_SECRET: sim.apiSecret }, /^\{/);
const bareUrl = (JSON.parse(bareLine) as { url: string }).url;
const signed = () => signedHeaders(sim.apiKey, sim.apiSecret, new Date(Date.now() - 2000));

const today = startOfUtcDay(Date.now());
const day = utcDay;
const gate = "workspaceId=ws_aurora&mediumId=ch_aurora_messenger";
/**
 * Distinct queries, as managers page and filter: each request a different page (0–999) of a
 * different birthday filter (none, a month, or having one), so no answer repeats within a run,
 * the cache cannot help, and each personal-data view is audited as a new one.
 */
const distinctUsers = (n: number) => {
  const filter = n % 14 === 0 ? "" : n % 14 === 13 ? "&hasBirthday=true" : `&birthdayMonth=${n % 14}`;
  return `/vip-users?${gate}${filter}&limit=20&offset=${20 * (Math.floor(n / 14) % 1000)}`;
};
const routes = {
  "users page (limit 50)": `/vip-users?${gate}&limit=50&offset=100`,
  "users page, June birthdays": `/vip-users?${gate}&birthdayMonth=6&limit=50`,
  "31-day overview, day": `/vip-labels/overview?${gate}&from=${day(today - 30 * DAY_MS)}&to=${day(today)}`,
  "31-day overview, week": `/vip-labels/overview?${gate}&from=${day(today - 30 * DAY_MS)}&to=${day(today)}&granularity=week`,
};

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const rows: string[] = [];
const out = (s = "") => process.stdout.write(`${s}\n`);

out(`# Benchmark run ${new Date().toISOString()}`);
out(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
out(`Load: ${CONCURRENCY} concurrent keep-alive connections for ${SECONDS} s (throughput); 1 connection for ${SECONDS} s (latency).`);
out();

out("## Simulator latency (direct, 1 connection)");
out("| route | requests | p50 ms | p99 ms | target |");
out("|---|---|---|---|---|");
for (const [name, path] of Object.entries(routes)) {
  const r = await runLoad({ url: sim.url + path, headers: signed, concurrency: 1, seconds: SECONDS });
  const target = name.startsWith("users") ? "< 20 ms median" : "< 200 ms median";
  out(`| ${name} | ${r.requests} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${target} |`);
}
out();

out("## Proxy cost: the dashboard server beside a bare forwarder and straight to the simulator");
out("(cache off; the bare forwarder signs and pipes the bytes, nothing else: the floor)");
out();
out("| route | direct rps | bare rps | proxy rps | proxy ÷ bare (target ≥ 0.85) | direct / proxy p50 ms | added p50 ms (target ≤ 1) | proxy CPU ms/request (target ≤ 0.5) |");
out("|---|---|---|---|---|---|---|---|");
const proxyRoutes: [string, string | ((n: number) => string)][] = [...Object.entries(routes).filter(([name]) => !name.includes("June")), ["users pages, distinct (page × filter, each audited)", distinctUsers]];
for (const [name, path] of proxyRoutes) {
  const at = (prefix: string) => (typeof path === "string" ? prefix + path : (n: number) => prefix + path(n));
  const directT: LoadResult = await runLoad({ url: at(sim.url), headers: signed, concurrency: CONCURRENCY, seconds: SECONDS });
  const bareT: LoadResult = await runLoad({ url: at(`${bareUrl}/api`), concurrency: CONCURRENCY, seconds: SECONDS });
  const cpuBefore = cpuMs(proxyChild.pid);
  const proxyT: LoadResult = await runLoad({ url: at(`${proxyUrl}/api`), concurrency: CONCURRENCY, seconds: SECONDS });
  const proxyCpu = (cpuMs(proxyChild.pid) - cpuBefore) / proxyT.requests;
  const directL = await runLoad({ url: at(sim.url), headers: signed, concurrency: 1, seconds: SECONDS });
  const proxyL = await runLoad({ url: at(`${proxyUrl}/api`), concurrency: 1, seconds: SECONDS });
  const errors = directT.errors + bareT.errors + proxyT.errors + directL.errors + proxyL.errors;
  rows.push(name);
  out(
    `| ${name} | ${fmt(directT.rps, 0)} | ${fmt(bareT.rps, 0)} | ${fmt(proxyT.rps, 0)} | ${fmt(proxyT.rps / bareT.rps)} | ${fmt(directL.p50)} / ${fmt(proxyL.p50)} | ${fmt(proxyL.p50 - directL.p50)} | ${fmt(proxyCpu)} |${errors ? ` (${errors} errors)` : ""}`,
  );
}
out();

out("## Cache hits (cache on): the users page, against calling the simulator directly (target ≥ 2×)");
const usersPage = routes["users page (limit 50)"];
const hitT = await runLoad({ url: `${cachedUrl}/api${usersPage}`, concurrency: CONCURRENCY, seconds: SECONDS });
const directHit = await runLoad({ url: sim.url + usersPage, headers: signed, concurrency: CONCURRENCY, seconds: SECONDS });
out("| route | direct rps | cached proxy rps | ratio |");
out("|---|---|---|---|");
out(`| users page (limit 50) | ${fmt(directHit.rps, 0)} | ${fmt(hitT.rps, 0)} | ${fmt(hitT.rps / directHit.rps)} |${hitT.errors ? ` (${hitT.errors} errors)` : ""}`);
out();

/** Memory of the proxy while it streams the largest export there is, several times over. */
out("## Proxy memory while streaming export downloads");
const exportRes = await fetch(`${proxyUrl}/api/vip-messages/export`, {
  method: "POST",
  headers: { "content-type": "application/json", origin: proxyUrl },
  body: JSON.stringify({ workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger", from: day(today - 30 * DAY_MS), to: day(today) }),
});
const exported = (await exportRes.json()) as { totalCount: number; downloadUrl: string };
const memBefore = memoryMiB(proxyChild.pid);
let bytes = 0;
const DOWNLOADS = 10;
for (let i = 0; i < DOWNLOADS; i++) {
  const res = await fetch(proxyUrl + exported.downloadUrl);
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) bytes += chunk.length;
}
const memAfter = memoryMiB(proxyChild.pid);
out("| downloads | file size | total streamed | proxy RSS before | proxy RSS after | proxy peak RSS |");
out("|---|---|---|---|---|---|");
out(
  `| ${DOWNLOADS} × ${exported.totalCount} messages | ${fmt(bytes / DOWNLOADS / 2 ** 20, 1)} MiB | ${fmt(bytes / 2 ** 20, 1)} MiB | ${fmt(memBefore.rss, 0)} MiB | ${fmt(memAfter.rss, 0)} MiB | ${fmt(memAfter.peak, 0)} MiB |`,
);
out();
out(`Reproduce: \`npm run bench\` (BENCH_SECONDS, BENCH_CONCURRENCY to change the load).`);
await stopAll();
