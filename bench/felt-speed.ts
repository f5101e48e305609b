import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium } from "../test/e2e/chromium";
import { startChild, stopAll } from "./processes";

/**
 * Speed a manager feels, with the real API's latency injected into the demo's simulator: what
 * a person waits for after a click, measured inside Chromium (click to content, by a
 * MutationObserver), and how many upstream calls ten managers opening one overview cost.
 */
const LATENCY = "workspaces=80,channels=80,vipUsers=120,labelOverview=600,vipMessages=150,vipUsersExport=2000,vipMessagesExport=2000";
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TOKEN = "bench-metrics-token-0123456789";
const { line } = await startChild(
  "server/main.ts",
  { PORT: "0", LOG_LEVEL: "info", DEMO_LATENCY_MS: LATENCY, METRICS_TOKEN: TOKEN, DATA_DIR: mkdtempSync(join(tmpdir(), "bench-felt-")) },
  /Dashboard at/,
);
const url = /Dashboard at (http:\/\/\S+)/.exec(line)![1]!.replace(/"?}?$/, "");
const browser = await launchChromium();

/**
 * Clicks `selector` inside the page and resolves with the ms until `ready` (a JS expression)
 * holds. Sent as source text: tsx would otherwise add helpers the page does not have.
 */
function timeClick(page: Page, selector: string, ready: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const check = () => (${ready});
    const t0 = performance.now();
    let observer;
    const done = () => { observer.disconnect(); resolve(performance.now() - t0); };
    observer = new MutationObserver(() => { if (check()) done(); });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    setTimeout(() => { observer.disconnect(); resolve(Number.NaN); }, 15000);
    document.querySelector(${JSON.stringify(selector)}).dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window }));
    if (check()) done();
  })`) as Promise<number>;
}

const ROWS = "document.querySelectorAll('.users-table tbody tr:not(.skeleton-row)').length > 0";
const SUMMARY = (text: string) => `(document.querySelector('.pagination__summary')?.textContent ?? '').startsWith(${JSON.stringify(text)})`;
const BARS = "document.querySelectorAll('[data-bar]').length > 0";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const BIRTHDAYS = (range: string) =>
  `document.querySelector('.birthday-days')?.getAttribute('aria-busy') === 'false' && document.querySelector('.presets [aria-pressed=true]')?.textContent === ${JSON.stringify(range)}`;
const results: Record<string, number[]> = { next: [], backUsers: [], backLabels: [], drill: [], birthdays: [], birthdays30: [] };

for (let run = 0; run < RUNS; run++) {
  // The page's CSP forbids eval; the measuring scripts are ours, not the page's.
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${url}/users?ws=ws_aurora&ch=ch_aurora_messenger`);
  await page.waitForFunction(ROWS);
  await page.waitForTimeout(1000); // a person reads the first page before asking for the next
  results.next!.push(await timeClick(page, ".pagination [data-page-step='next']", `${ROWS} && ${SUMMARY("Showing 51–100")}`));
  await page.getByRole("link", { name: "Labels" }).click();
  await page.waitForFunction(BARS);
  await page.waitForTimeout(1000); // a person reads the chart before going back
  // The nav link goes back to the page the person left (the second), loaded a moment ago.
  results.backUsers!.push(await timeClick(page, "a[href^='/users']", `${ROWS} && ${SUMMARY("Showing 51–100")}`));
  results.backLabels!.push(await timeClick(page, "a[href^='/labels']", BARS));
  const bar = page.locator("[data-bar]:not([data-bar^='activity|'])").nth(5 + run);
  await bar.hover();
  await page.waitForTimeout(500); // from pointing at a bar to clicking it
  const barId = await bar.getAttribute("data-bar");
  results.drill!.push(await timeClick(page, `[data-bar="${barId}"]`, "document.querySelectorAll('.messages li').length > 0"));
  await page.keyboard.press("Escape");
  // Upcoming birthdays: the month pages are read through the server's cache (30 s), so the
  // first run after start pays the Dynamo API's latency and later runs within it do not.
  results.birthdays!.push(await timeClick(page, "a[href^='/birthdays']", BIRTHDAYS("Next 7 days")));
  await page.waitForTimeout(500);
  results.birthdays30!.push(await timeClick(page, ".presets button:last-child", BIRTHDAYS("Next 30 days")));
  await context.close();
}

async function overviewCalls(): Promise<number> {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  return [...text.matchAll(/dashboard_upstream_calls_total\{route="\/vip-labels\/overview",status="[^"]+"\} (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
}
const before = await overviewCalls();
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const started = performance.now();
const answers = await Promise.all(
  Array.from({ length: 10 }, async (_, i) => {
    await new Promise((r) => setTimeout(r, i * 90)); // ten managers within a second
    return (await fetch(`${url}/api/vip-labels/overview?workspaceId=ws_aurora&mediumId=ch_aurora_messenger&from=${day(13)}&to=${day(0)}`)).status;
  }),
);
const tenManagersMs = performance.now() - started;
const calls = (await overviewCalls()) - before;

const out = (s = "") => process.stdout.write(`${s}\n`);
out(`# Speed a manager feels, ${new Date().toISOString()} (Chromium, loopback, median of ${RUNS})`);
out(`Injected upstream latency (ms): ${LATENCY.replaceAll(",", ", ")}.`);
out();
out("| what the person does | waits, median (min–max) | target |");
out("|---|---|---|");
const row = (name: string, xs: number[], target: string) =>
  out(`| ${name} | ${Math.round(median(xs))} ms (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}) | ${target} |`);
row("Next page of the users table, after reading the first", results.next!, "≤ 100 ms");
row("Back to VIP users seen a moment ago", results.backUsers!, "≤ 50 ms");
row("Back to the Labels chart seen a moment ago", results.backLabels!, "≤ 50 ms");
row("Opening a bar's messages (after pointing at it)", results.drill!, "≤ 300 ms");
row("Opening Upcoming birthdays (next 7 days)", results.birthdays!, "≤ 300 ms");
row("Then the next 30 days (one more month, across its end)", results.birthdays30!, "≤ 300 ms");
out();
out(`Ten managers opening the same 14-day overview within a second: ${calls} upstream call(s), statuses ${[...new Set(answers)].join(", ")}, all answered in ${Math.round(tenManagersMs)} ms (target: 1 call).`);
out();
out("Reproduce: `npm run build && node --import tsx bench/felt-speed.ts` (part of `npm run bench`).");
await browser.close();
await stopAll();
