import { mkdtempSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { DAY_MS } from "#contract/assumptions";
import { startOfUtcDay, utcDay } from "#contract/dates";
import { signedHeaders } from "../server/signing";
import { launchChromium } from "../test/e2e/chromium";
import { countInName } from "../test/helpers/bar-name";
import { liveDashboardEnv, memoryMiB, npmStartFlags, startChild, stopAll, type SimulatorCoordinates } from "./processes";

/**
 * A big studio (SIMULATOR_SCALE, default 50: 260,000 VIP players, ~20,000 messages a day) behind
 * the compiled dashboard, each figure beside its floor in the same run:
 * - a download through the dashboard against the same Storage file fetched straight, for all
 *   players and for 31 days of messages, with the dashboard's RSS growth while it streams;
 * - the next 30 days of birthdays in Chromium (about 12,500 at 50): time to the first row and
 *   the page's elements, at the top and scrolled to the end;
 * - the week bar nearest 6,000 messages, drilled into and loaded whole (Load all): time to the
 *   first message and to all, and the page's elements scrolled to the last one;
 * - local mode as `npm start` runs it (demo size): start time on a fresh data folder and on an
 *   existing one, RSS idle and after a browsing session of distinct requests.
 *
 *   npm run build && node --import tsx bench/scale.ts [--scale 50]
 */
const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]]));
const SCALE = Number(args.get("--scale") ?? 50);
const out = (s = "") => process.stdout.write(`${s}\n`);
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const started = Date.now();

const { line } = await startChild("bench/serve-simulator.ts", { SIMULATOR_SCALE: String(SCALE) }, /^\{/, 300_000);
const sim = JSON.parse(line) as SimulatorCoordinates;
const { line: dashLine, child: dashboard } = await startChild("dist/server/main.js", { ...liveDashboardEnv(sim, "bench-scale-"), USER_EXPORTS_PER_HOUR: "100000" }, /Dashboard at/);
const dash = (JSON.parse(dashLine) as { url: string }).url;
const signed = () => signedHeaders(sim.apiKey, sim.apiSecret, new Date(Date.now() - 2000));
const today = startOfUtcDay(Date.now());
const gate = { workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger" };

/** Reads a body to its end: bytes, and seconds from the request. */
async function timedRead(url: string, headers: Record<string, string> = {}, sample?: () => void): Promise<{ seconds: number; bytes: number }> {
  const t = performance.now();
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  let bytes = 0;
  const timer = sample ? setInterval(sample, 100) : undefined;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) bytes += chunk.length;
  if (timer) clearInterval(timer);
  return { seconds: (performance.now() - t) / 1000, bytes };
}

interface ExportCase {
  name: string;
  /** The dashboard's export route and the vendor's, with the same parameters. */
  dashboardPath: string;
  upstreamPath: string;
  params: Record<string, string>;
}
const from = utcDay(today - 30 * DAY_MS);
const to = utcDay(today);
const cases: ExportCase[] = [
  { name: "all VIP players", dashboardPath: "/api/vip-users/export", upstreamPath: "/vip-users/export", params: { ...gate } },
  { name: "31 days of messages", dashboardPath: "/api/vip-messages/export", upstreamPath: "/vip-messages/export", params: { ...gate, from, to } },
];

/**
 * Each export is timed ROUNDS times, straight and through the dashboard in turn, and reported by
 * its medians: one loopback download of 0.2 s moves by half from one try to the next.
 */
const ROUNDS = Number(process.env.BENCH_EXPORT_ROUNDS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const exportRows: string[] = [];
for (const c of cases) {
  const direct: { seconds: number; bytes: number }[] = [];
  const through: { seconds: number; bytes: number }[] = [];
  let rows = 0;
  let growth = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // The vendor's file, straight from Storage (its export made once, as the dashboard's is).
    const made = (await (await fetch(`${sim.url}${c.upstreamPath}?${new URLSearchParams(c.params)}`, { headers: signed() })).json()) as { totalCount: number; csvUrl: string };
    rows = made.totalCount;
    direct.push(await timedRead(made.csvUrl));
    // Through the dashboard: the export is made, then the download streamed from Storage and rewritten for spreadsheets.
    const answer = (await (
      await fetch(`${dash}${c.dashboardPath}`, { method: "POST", headers: { "content-type": "application/json", origin: dash }, body: JSON.stringify(c.params) })
    ).json()) as { totalCount: number; downloadUrl: string };
    const before = memoryMiB(dashboard.pid).rss;
    let peak = before;
    through.push(
      await timedRead(`${dash}${answer.downloadUrl}`, {}, () => {
        peak = Math.max(peak, memoryMiB(dashboard.pid).rss);
      }),
    );
    growth = Math.max(growth, Math.max(peak, memoryMiB(dashboard.pid).rss) - before);
  }
  const directS = median(direct.map((r) => r.seconds));
  const throughS = median(through.map((r) => r.seconds));
  const ratio = throughS / directS;
  const ratios = direct.map((d, i) => through[i]!.seconds / d.seconds);
  const [directMiB, throughMiB] = [direct[0]!.bytes / 2 ** 20, through[0]!.bytes / 2 ** 20];
  exportRows.push(
    `| ${c.name} | ${rows.toLocaleString("en-US")} | ${fmt(directMiB)} MiB in ${fmt(directS, 2)} s (${direct.map((r) => fmt(r.seconds, 2)).join(", ")}) | ${fmt(throughMiB)} MiB in ${fmt(throughS, 2)} s (${through.map((r) => fmt(r.seconds, 2)).join(", ")}; ${fmt(throughMiB / throughS)} MiB/s) | ${fmt(ratio, 2)}× (≤ 1.5 ${ratio <= 1.5 ? "✓" : "✗"}; each round ${fmt(Math.min(...ratios), 1)}–${fmt(Math.max(...ratios), 1)}×) | ${fmt(growth, 0)} MiB (≤ 100 ${growth <= 100 ? "✓" : "✗"}) |`,
  );
}

// ---- Upcoming birthdays of 30 days at this size, in Chromium: first content and the page's weight ----

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const opened = performance.now();
await page.goto(`${dash}/birthdays?ws=ws_aurora&ch=ch_aurora_messenger&range=30&tz=UTC`);
await page.locator(".birthday-person").first().waitFor({ timeout: 120_000 });
const firstContentMs = performance.now() - opened;
const summary = (await page.getByRole("status").filter({ hasText: /birthdays from/ }).textContent()) ?? "";
const birthdays = Number(/^([\d,]+) birthdays/.exec(summary)?.[1]?.replace(/,/g, "") ?? NaN);
const domNodes = await page.evaluate(() => document.querySelectorAll("*").length);
// Scrolled to the end of the list: still a screenful of rows in the page.
await page.getByRole("region", { name: "Birthdays, day by day (scrolls)" }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
await page.waitForFunction(() => {
  const inPage = [...document.querySelectorAll(".birthday-days > li[aria-posinset]")];
  return inPage.some((li) => li.getAttribute("aria-posinset") === li.getAttribute("aria-setsize"));
});
const domNodesAtEnd = await page.evaluate(() => document.querySelectorAll("*").length);

// ---- A drill-down of about 6,000 messages (the day or week bar nearest that), loaded whole ----

const DRILL_TARGET = 6_000;
const labels = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await labels.goto(`${dash}/labels?ws=ws_aurora&ch=ch_aurora_messenger&granularity=week&mode=count`);
await labels.getByRole("button", { name: /^Frustrated, / }).first().waitFor({ timeout: 120_000 });
const barNames = await labels.getByRole("button", { name: /, week of \d{4}-\d{2}-\d{2}.*: [\d,]+ messages?/ }).evaluateAll((all) => all.map((b) => b.getAttribute("aria-label") ?? ""));
const bars = barNames.map((name) => ({ name, count: countInName(name) })).filter((b) => !b.name.includes("(")); // whole weeks only
const bar = bars.sort((a, b) => Math.abs(a.count - DRILL_TARGET) - Math.abs(b.count - DRILL_TARGET))[0];
if (!bar) throw new Error("No whole week bar to drill into");
const clicked = performance.now();
await labels.getByRole("button", { name: bar.name, exact: true }).click();
const dialog = labels.getByRole("dialog");
await dialog.locator("li[aria-posinset]").first().waitFor({ timeout: 60_000 });
const drillFirstMs = performance.now() - clicked;
const loadAll = performance.now();
await dialog.getByRole("button", { name: /^Load all / }).click();
await dialog.getByRole("status").filter({ hasText: `All ${bar.count.toLocaleString("en-US")} messages shown` }).waitFor({ timeout: 300_000 });
const drillAllMs = performance.now() - loadAll;
const scroller = dialog.getByRole("region", { name: /\(scrolls\)$/ });
await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
await labels.waitForFunction(() => [...document.querySelectorAll("[role=dialog] li[aria-posinset]")].some((li) => li.getAttribute("aria-posinset") === li.getAttribute("aria-setsize")));
const drillNodes = await labels.evaluate(() => document.querySelectorAll("*").length);
// "Fully loadable" is what the wait above checked: had the page not shown all of them, the run would have stopped there.
await browser.close();
const drillRow = `| a bar's messages (${bar.name.split(":")[0]}), loaded whole with Load all | ${bar.count.toLocaleString("en-US")} messages | ${fmt(drillFirstMs / 1000, 2)} s to the first message; all in ${fmt(drillAllMs / 1000, 1)} s (fully loadable ✓) | ${drillNodes.toLocaleString("en-US")} elements, scrolled to the last (≤ 5,000 ${drillNodes <= 5000 ? "✓" : "✗"}) |`;
const birthdayRow = `| upcoming birthdays, next 30 days | ${birthdays.toLocaleString("en-US")} birthdays | ${fmt(firstContentMs / 1000, 2)} s to the first row (≤ 1 s ${firstContentMs <= 1000 ? "✓" : "✗"}) | ${domNodes.toLocaleString("en-US")} elements at the top, ${domNodesAtEnd.toLocaleString("en-US")} at the end (≤ 5,000 ${Math.max(domNodes, domNodesAtEnd) <= 5000 ? "✓" : "✗"}) |`;

// ---- Local mode, as `npm start` runs it: the embedded PGlite, the demo's simulator inside ----

const startFlags = npmStartFlags();
/** Starts the server as `npm start` does (server/launch.mjs) in demo mode on `dataDir`; resolves when it serves, with the ms it took. */
async function startLocal(dataDir: string) {
  const t = performance.now();
  const { line: ready, child } = await startChild("server/launch.mjs", { PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "info", NODE_ENV: "" }, /Dashboard at/, 120_000, startFlags);
  return { child, url: (JSON.parse(ready) as { url: string }).url, ms: performance.now() - t };
}
/** A manager's session of distinct requests: pages and filters, overviews of several windows, drill-downs, birthday lists, two exports downloaded. */
async function browse(url: string): Promise<number> {
  const g = "workspaceId=ws_aurora&mediumId=ch_aurora_messenger";
  const paths: string[] = ["/", "/labels", "/api/session", "/api/workspaces", "/api/channels"];
  for (let n = 0; n < 20; n++) paths.push(`/api/vip-users?${g}&limit=50&offset=${n * 50}`);
  for (let month = 1; month <= 12; month++) paths.push(`/api/vip-users?${g}&birthdayMonth=${month}&limit=50`);
  for (const days of [7, 14, 30, 60, 90]) {
    for (const granularity of ["day", "week"]) paths.push(`/api/vip-labels/overview?${g}&from=${utcDay(today - (days - 1) * DAY_MS)}&to=${utcDay(today)}&granularity=${granularity}`);
  }
  for (let ago = 1; ago <= 10; ago++) paths.push(`/api/vip-messages?${g}&from=${utcDay(today - ago * DAY_MS)}&to=${utcDay(today - ago * DAY_MS)}&label=frustrated&limit=200`);
  for (const days of [7, 30]) paths.push(`/api/birthdays/upcoming?${g}&from=${utcDay(today)}&days=${days}`);
  let requests = 0;
  for (const path of paths) {
    const res = await fetch(url + path);
    await res.arrayBuffer();
    requests += 1;
  }
  for (const [route, body] of [
    ["/api/vip-users/export", { workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger" }],
    ["/api/vip-messages/export", { workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger", from: utcDay(today - 30 * DAY_MS), to: utcDay(today) }],
  ] as const) {
    const made = (await (await fetch(url + route, { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify(body) })).json()) as { downloadUrl: string };
    await (await fetch(url + made.downloadUrl)).arrayBuffer();
    requests += 2;
  }
  return requests;
}
/** RSS once the process has settled (start-up and request garbage collected in the normal course). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 3_000));
const localDir = mkdtempSync(join(tmpdir(), "bench-local-"));
const fresh = await startLocal(localDir);
await settle();
const idle = memoryMiB(fresh.child.pid).rss;
const requests = await browse(fresh.url);
await settle();
const afterSession = memoryMiB(fresh.child.pid);
fresh.child.kill("SIGTERM");
await new Promise((resolve) => fresh.child.once("exit", resolve));
const again = await startLocal(localDir);
await settle();
const idleAgain = memoryMiB(again.child.pid).rss;
const ok = (mib: number) => `${fmt(mib, 0)} MiB (≤ 250 ${mib <= 250 ? "✓" : "✗"})`;
const localRows = [
  `| fresh data folder | ${fmt(fresh.ms / 1000, 1)} s | ${ok(idle)} | ${ok(afterSession.rss)} after ${requests} requests; peak ${fmt(afterSession.peak, 0)} MiB |`,
  `| the same folder again | ${fmt(again.ms / 1000, 1)} s | ${ok(idleAgain)} | — |`,
];

out(`### Big studio, run ${new Date().toISOString()} (SIMULATOR_SCALE=${SCALE}: ${(5_200 * SCALE).toLocaleString("en-US")} VIP players on Aurora · Messenger; ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${fmt((Date.now() - started) / 1000, 0)} s)`);
out();
out(`| export | rows | straight from Storage (median of ${ROUNDS}: each) | through the dashboard (median: each) | time ÷ Storage's, medians | dashboard RSS growth while streaming (most) |`);
out("|---|---|---|---|---|---|");
for (const row of exportRows) out(row);
out();
out("| list | size | first content (birthdays: navigation to the first row, cold; drill-down: click to the first message) | the page's elements |");
out("|---|---|---|---|");
out(birthdayRow);
out(drillRow);
out();
out("Local mode (`npm start`: demo data, the embedded PGlite and the simulator in one process):");
out();
out("| start | until it serves | RSS idle | RSS after a browsing session |");
out("|---|---|---|---|");
for (const row of localRows) out(row);
out();
out(`Reproduce: \`npm run build && node --import tsx bench/scale.ts --scale ${SCALE}\`.`);
await stopAll();
