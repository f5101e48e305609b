import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../test/e2e/chromium";
import { freePort } from "../test/helpers/identities";
import { startChild, stopAll } from "./processes";

/**
 * `npm run bench:trend-costs`: what each long range costs in upstream overview calls, at the
 * demo's size, as the page asks for it (the range, the history its unusual periods are judged
 * on, the year-earlier line). Each range on a fresh data folder: the first fill, a reload
 * while the server's cache holds the answers, and a reload once that cache has expired (the
 * server started with no cache: what is left is what the stored, settled windows do not cover).
 * Counted at the dashboard's own counter of upstream calls by route.
 */
const DAY = 86_400_000;
const today = Date.now();
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthStart = (monthsBack: number) => {
  const d = new Date(today);
  return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsBack, 1));
};

const RANGES: { name: string; by: "day" | "week" | "month"; from: string }[] = [
  { name: "last 90 days", by: "day", from: iso(today - 89 * DAY) },
  { name: "last 90 days", by: "week", from: iso(today - 89 * DAY) },
  { name: "6 months", by: "month", from: monthStart(5) },
  { name: "12 months", by: "month", from: monthStart(12) },
  { name: "12 months", by: "week", from: monthStart(12) },
  { name: "24 months (custom)", by: "month", from: monthStart(23) },
];

async function overviewCalls(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  let total = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith("dashboard_upstream_calls_total{") && line.includes('route="/vip-labels/overview"')) total += Number(line.split(" ").at(-1));
  }
  return total;
}

async function openTrend(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator("[data-bar]").first().waitFor({ timeout: 120_000 });
  // The progress line goes once the range, the history and the year-earlier windows are in.
  await page.locator(".trend-progress").waitFor({ state: "detached", timeout: 120_000 });
  await context.close();
}

async function costOf(browser: Browser, range: (typeof RANGES)[number], cache: boolean) {
  const metricsPort = await freePort();
  const env: Record<string, string> = { PORT: "0", LOG_LEVEL: "info", METRICS_PORT: String(metricsPort), DATA_DIR: mkdtempSync(join(tmpdir(), "bench-trend-costs-")) };
  if (!cache) Object.assign(env, { CACHE_TTL_SECONDS: "0", CACHE_SETTLED_TTL_SECONDS: "0" });
  const { child, line } = await startChild("server/main.ts", env, /Dashboard at/);
  const base = (JSON.parse(line) as { url: string }).url;
  const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  const view = `${base}/labels?ws=ws_aurora&ch=ch_aurora_messenger&from=${range.from}&to=${iso(today)}&granularity=${range.by}`;
  const before = await overviewCalls(metricsUrl);
  await openTrend(browser, view);
  const filled = await overviewCalls(metricsUrl);
  await openTrend(browser, view);
  const reloaded = await overviewCalls(metricsUrl);
  child.kill("SIGTERM");
  return { first: filled - before, reload: reloaded - filled };
}

const browser = await launchChromium();
const out = (s = "") => process.stdout.write(`${s}\n`);
out(`# Long trends: upstream overview calls per view, ${new Date().toISOString()} (demo data, a fresh data folder per range)`);
out("| range | by | first fill | reload, server cache warm | reload, cache expired (settled windows from the database) |");
out("|---|---|---|---|---|");
for (const range of RANGES) {
  const warm = await costOf(browser, range, true);
  const cold = await costOf(browser, range, false);
  out(`| ${range.name} (${range.from} to ${iso(today)}) | ${range.by} | ${warm.first} | ${warm.reload} | ${cold.reload} |`);
}
out();
out("Reproduce: `npm run build && npm run bench:trend-costs`.");
await browser.close();
await stopAll();
