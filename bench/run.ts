import { cpus, totalmem } from "node:os";
import { DAY_MS } from "#contract/assumptions";
import { startOfUtcDay, utcDay } from "#contract/dates";
import { signedHeaders } from "../server/signing";
import { runLoad, type LoadResult } from "./load";
import { cpuMs, liveDashboardEnv, memoryMiB, pinToCpus, startChild, stopAll, type SimulatorCoordinates } from "./processes";
import { startThrowawayPostgres } from "./throwaway-postgres";

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
const { line: proxyLine, child: proxyBaseChild } = await startChild(SERVER, dashboardEnv("0"), /Dashboard at/);
const proxyBaseUrl = (JSON.parse(proxyLine) as { url: string }).url;
const { line: cachedLine } = await startChild(SERVER, dashboardEnv("600"), /Dashboard at/);
const cachedUrl = (JSON.parse(cachedLine) as { url: string }).url;
const { line: bareLine, child: bareBaseChild } = await startChild("bench/bare-forwarder.ts", { TARGET: sim.url, API_KEY: sim.apiKey, API_SECRET: sim.apiSecret }, /^\{/);
const bareBaseUrl = (JSON.parse(bareLine) as { url: string }).url;
const signedSim = () => signedHeaders(sim.apiKey, sim.apiSecret, new Date(Date.now() - 2000));

const today = startOfUtcDay(Date.now());
const day = utcDay;
const gate = "workspaceId=ws_aurora&mediumId=ch_aurora_messenger";
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
  const r = await runLoad({ url: sim.url + path, headers: signedSim, concurrency: 1, seconds: SECONDS });
  const target = name.startsWith("users") ? "< 20 ms median" : "< 200 ms median";
  out(`| ${name} | ${r.requests} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${target} |`);
}
out();

/**
 * Distinct queries, as managers page and filter: pages that exist (as far as Next goes), of
 * every page size the table offers, of no filter, each birthday month or "has a birthday", on
 * each VIP channel, in a shuffled order. On a studio of DISTINCT_SCALE× the demo there are more
 * such pages than a run asks for, so no answer repeats, the cache cannot help, and each
 * personal-data view is audited as a new one. They get their own simulator, forwarder and
 * dashboard, so the other rows keep the demo's size.
 */
const DISTINCT_SCALE = Number(process.env.BENCH_DISTINCT_SCALE ?? 10);
const { line: bigLine, child: bigSimChild } = await startChild("bench/serve-simulator.ts", { SIMULATOR_SCALE: String(DISTINCT_SCALE) }, /^\{/, 120_000);
const bigSim = JSON.parse(bigLine) as SimulatorCoordinates;
const { line: bigProxyLine, child: bigProxyChild } = await startChild(SERVER, { ...liveDashboardEnv(bigSim, "bench-data-"), CACHE_TTL_SECONDS: "0" }, /Dashboard at/);
const bigProxyUrl = (JSON.parse(bigProxyLine) as { url: string }).url;
const { line: bigBareLine, child: bigBareChild } = await startChild("bench/bare-forwarder.ts", { TARGET: bigSim.url, API_KEY: bigSim.apiKey, API_SECRET: bigSim.apiSecret }, /^\{/);
const bigBareUrl = (JSON.parse(bigBareLine) as { url: string }).url;
/**
 * The same dashboard on PostgreSQL, as production runs it (several instances share the API key's
 * budget, the per-person limits and the audit there): every upstream call takes a slot and a
 * token from the database, every request counts against its person there.
 */
const postgres = startThrowawayPostgres(Number(process.env.BENCH_PG_PORT ?? 54_338));
process.on("exit", () => postgres?.stop());
// Interrupted, it still stops its cluster (a second run would otherwise find the port taken).
process.once("SIGINT", () => process.exit(130));
const pgProxy = postgres
  ? await startChild(SERVER, { ...liveDashboardEnv(bigSim, "bench-data-"), CACHE_TTL_SECONDS: "0", DATABASE_URL: postgres.url }, /Dashboard at/)
  : undefined;
const pgProxyUrl = pgProxy ? (JSON.parse(pgProxy.line) as { url: string }).url : undefined;
const distinctPages = await existingPages(bigSim);
const distinctUsers = (n: number) => distinctPages[n % distinctPages.length]!;
// Warmed (JIT, connections: about 5 s of traffic before its cost settles), as the other rows'
// servers are by the rows before them, on pages from the list's far end, which the measured
// runs do not reach.
const WARM_PAGES = 8_000;
const warmPage = (n: number) => distinctPages[distinctPages.length - 1 - (n % WARM_PAGES)]!;
for (const base of [bigBareUrl, bigProxyUrl, ...(pgProxyUrl ? [pgProxyUrl] : [])]) await runLoad({ url: (n) => `${base}/api${warmPage(n)}`, concurrency: CONCURRENCY, seconds: 6, maxRequests: WARM_PAGES });

/**
 * Every page the users table can show, on each VIP channel: filter × page size × page number,
 * as far as Next goes (past a capped total too), shuffled.
 */
async function existingPages(target: SimulatorCoordinates): Promise<string[]> {
  const gates = ["workspaceId=ws_aurora&mediumId=ch_aurora_messenger", "workspaceId=ws_aurora&mediumId=ch_aurora_webchat", "workspaceId=ws_aurora&mediumId=ch_aurora_discord", "workspaceId=ws_skyforge&mediumId=ch_skyforge_app"];
  const filters = ["", "&hasBirthday=true", ...Array.from({ length: 12 }, (_, i) => `&birthdayMonth=${i + 1}`)];
  const pages: string[] = [];
  for (const g of gates) {
    for (const filter of filters) {
      let count = 0;
      for (let offset: number | null = 0; offset !== null; ) {
        const res = await fetch(`${target.url}/vip-users?${g}${filter}&limit=500&offset=${offset}`, { headers: signedHeaders(target.apiKey, target.apiSecret) });
        const page = (await res.json()) as { returned: number; nextOffset: number | null };
        count += page.returned;
        offset = page.nextOffset;
      }
      for (const size of [25, 50, 100, 200]) for (let offset = 0; offset < count; offset += size) pages.push(`/vip-users?${g}${filter}&limit=${size}&offset=${offset}`);
    }
  }
  // A fixed shuffle (a 32-bit linear congruential generator), so runs compare.
  let seed = 7;
  for (let i = pages.length - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = seed % (i + 1);
    [pages[i], pages[j]] = [pages[j]!, pages[i]!];
  }
  return pages;
}

out("## Proxy cost: the dashboard server beside a bare forwarder and straight to the simulator");
out("(cache off; the bare forwarder signs and pipes the bytes, nothing else: the floor)");
out();
out("| route | direct rps | bare rps | proxy rps | proxy ÷ bare (target ≥ 0.85) | direct / proxy p50 ms | added p50 ms (target ≤ 1) | proxy CPU ms/request (target ≤ 0.5) | bare CPU ms/request |");
out("|---|---|---|---|---|---|---|---|---|");
/**
 * The distinct pages are measured twice. First on shared cores, as every row above: the
 * simulator, this load and the server under test take CPU from one another, so a server's cost
 * is paid twice (its own time, and the simulator's time it takes). Then with the server under
 * test on a core of its own and the simulator and the load on the others, as in production,
 * where the Dynamo API and the managers' browsers do not run on the dashboard's machine.
 */
type Layout = "shared" | "own core";
const CPU_COUNT = cpus().length;
const SUT_CPU = String(CPU_COUNT - 1);
const OTHER_CPUS = CPU_COUNT > 2 ? `0-${CPU_COUNT - 2}` : "0";
const ALL_CPUS = `0-${CPU_COUNT - 1}`;
function layOut(layout: Layout): boolean {
  const own = layout === "own core";
  const pinned = [
    pinToCpus(bigProxyChild.pid, own ? SUT_CPU : ALL_CPUS),
    ...(pgProxy ? [pinToCpus(pgProxy.child.pid, own ? SUT_CPU : ALL_CPUS)] : []),
    pinToCpus(bigBareChild.pid, own ? SUT_CPU : ALL_CPUS),
    pinToCpus(bigSimChild.pid, own ? OTHER_CPUS : ALL_CPUS),
    pinToCpus(process.pid, own ? OTHER_CPUS : ALL_CPUS),
    // The database is a service of its own in production, as the Dynamo API is.
    ...(postgres?.pids() ?? []).map((pid) => pinToCpus(pid, own ? OTHER_CPUS : ALL_CPUS)),
  ];
  // Shared cores need no pinning (without taskset nothing was pinned to undo); only a core of one's own does.
  return !own || pinned.every(Boolean);
}

type Database = "PGlite" | "PostgreSQL";
const proxyRoutes: [string, string | ((n: number) => string), Layout?, Database?][] = Object.entries(routes).filter(([name]) => !name.includes("June"));
const distinctName = `users pages, distinct (${distinctPages.length.toLocaleString("en-US")} pages that exist: 4 VIP channels × 14 filters × 4 sizes, a ${DISTINCT_SCALE}× studio; each audited)`;
const ownCoreName = `the server under test on a core of its own (CPU ${SUT_CPU}; the simulator and the load on CPU ${OTHER_CPUS})`;
proxyRoutes.push([`${distinctName}, shared cores`, distinctUsers, "shared", "PGlite"]);
if (CPU_COUNT >= 2) proxyRoutes.push([`${distinctName}, ${ownCoreName}`, distinctUsers, "own core", "PGlite"]);
if (pgProxy) {
  proxyRoutes.push([`${distinctName}, on PostgreSQL (its own cluster, on loopback), shared cores`, distinctUsers, "shared", "PostgreSQL"]);
  if (CPU_COUNT >= 2) proxyRoutes.push([`${distinctName}, on PostgreSQL, ${ownCoreName.replace("the load", "the load and PostgreSQL")}`, distinctUsers, "own core", "PostgreSQL"]);
} else proxyRoutes.push(["users pages, distinct, on PostgreSQL", "", undefined, "PostgreSQL"]);
/** Where the next distinct row of each dashboard starts in the page list, so each row's pages are new to its proxy too. */
const nextStart = new Map<Database | undefined, number>();
for (const [name, path, layout, database] of proxyRoutes) {
  if (database === "PostgreSQL" && !pgProxy) {
    out(`| ${name} | (no PostgreSQL of the bench's own could start: it needs Debian's postgresql and root, as .ci/run) | | | | | | | |`);
    continue;
  }
  const distinct = layout !== undefined;
  if (distinct && !layOut(layout)) {
    out(`| ${name} | (taskset could not set this layout) | | | | | | | |`);
    layOut("shared");
    continue;
  }
  const [simUrl, bareUrl, proxyUrl, proxyChild, bareChild] = distinct
    ? database === "PostgreSQL" && pgProxy && pgProxyUrl
      ? [bigSim.url, bigBareUrl, pgProxyUrl, pgProxy.child, bigBareChild]
      : [bigSim.url, bigBareUrl, bigProxyUrl, bigProxyChild, bigBareChild]
    : [sim.url, bareBaseUrl, proxyBaseUrl, proxyBaseChild, bareBaseChild];
  const signed = distinct ? () => signedHeaders(bigSim.apiKey, bigSim.apiSecret, new Date(Date.now() - 2000)) : signedSim;
  // The latency run goes on where the throughput run stopped, so its pages are new to the proxy too.
  const start = distinct ? (nextStart.get(database) ?? 0) : 0;
  const at = (prefix: string, skip = 0) => (typeof path === "string" ? prefix + path : (n: number) => prefix + path(n + start + skip));
  const directT: LoadResult = await runLoad({ url: at(simUrl), headers: signed, concurrency: CONCURRENCY, seconds: SECONDS });
  const bareCpuBefore = cpuMs(bareChild.pid);
  const bareT: LoadResult = await runLoad({ url: at(`${bareUrl}/api`), concurrency: CONCURRENCY, seconds: SECONDS });
  const bareCpu = (cpuMs(bareChild.pid) - bareCpuBefore) / bareT.requests;
  const cpuBefore = cpuMs(proxyChild.pid);
  const proxyT: LoadResult = await runLoad({ url: at(`${proxyUrl}/api`), concurrency: CONCURRENCY, seconds: SECONDS });
  const proxyCpu = (cpuMs(proxyChild.pid) - cpuBefore) / proxyT.requests;
  const directL = await runLoad({ url: at(simUrl), headers: signed, concurrency: 1, seconds: SECONDS });
  const proxyL = await runLoad({ url: at(`${proxyUrl}/api`, proxyT.requests + proxyT.errors + CONCURRENCY), concurrency: 1, seconds: SECONDS });
  const errors = directT.errors + bareT.errors + proxyT.errors + directL.errors + proxyL.errors;
  rows.push(name);
  if (distinct) {
    const end = start + proxyT.requests + proxyT.errors + proxyL.requests + proxyL.errors + 2 * CONCURRENCY;
    nextStart.set(database, end);
    if (end > distinctPages.length - WARM_PAGES) out(`(more requests than pages: ${end} of ${distinctPages.length - WARM_PAGES} not used to warm; some repeated)`);
    layOut("shared");
  }
  out(
    `| ${name} | ${fmt(directT.rps, 0)} | ${fmt(bareT.rps, 0)} | ${fmt(proxyT.rps, 0)} | ${fmt(proxyT.rps / bareT.rps)} | ${fmt(directL.p50)} / ${fmt(proxyL.p50)} | ${fmt(proxyL.p50 - directL.p50)} | ${fmt(proxyCpu)} | ${fmt(bareCpu)} |${errors ? ` (${errors} errors)` : ""}`,
  );
}
out();

out("## Cache hits (cache on): the users page, against calling the simulator directly (target ≥ 2×)");
const usersPage = routes["users page (limit 50)"];
const hitT = await runLoad({ url: `${cachedUrl}/api${usersPage}`, concurrency: CONCURRENCY, seconds: SECONDS });
const directHit = await runLoad({ url: sim.url + usersPage, headers: signedSim, concurrency: CONCURRENCY, seconds: SECONDS });
out("| route | direct rps | cached proxy rps | ratio |");
out("|---|---|---|---|");
out(`| users page (limit 50) | ${fmt(directHit.rps, 0)} | ${fmt(hitT.rps, 0)} | ${fmt(hitT.rps / directHit.rps)} |${hitT.errors ? ` (${hitT.errors} errors)` : ""}`);
out();

/** Memory of the proxy while it streams the largest export there is, several times over. */
out("## Proxy memory while streaming export downloads");
const exportRes = await fetch(`${proxyBaseUrl}/api/vip-messages/export`, {
  method: "POST",
  headers: { "content-type": "application/json", origin: proxyBaseUrl },
  body: JSON.stringify({ workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger", from: day(today - 30 * DAY_MS), to: day(today) }),
});
const exported = (await exportRes.json()) as { totalCount: number; downloadUrl: string };
const memBefore = memoryMiB(proxyBaseChild.pid);
let bytes = 0;
const DOWNLOADS = 10;
for (let i = 0; i < DOWNLOADS; i++) {
  const res = await fetch(proxyBaseUrl + exported.downloadUrl);
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) bytes += chunk.length;
}
const memAfter = memoryMiB(proxyBaseChild.pid);
out("| downloads | file size | total streamed | proxy RSS before | proxy RSS after | proxy peak RSS |");
out("|---|---|---|---|---|---|");
out(
  `| ${DOWNLOADS} × ${exported.totalCount} messages | ${fmt(bytes / DOWNLOADS / 2 ** 20, 1)} MiB | ${fmt(bytes / 2 ** 20, 1)} MiB | ${fmt(memBefore.rss, 0)} MiB | ${fmt(memAfter.rss, 0)} MiB | ${fmt(memAfter.peak, 0)} MiB |`,
);
out();
out(`Reproduce: \`npm run bench\` (BENCH_SECONDS, BENCH_CONCURRENCY to change the load).`);
await stopAll();
