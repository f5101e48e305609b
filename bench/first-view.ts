import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium } from "../test/e2e/chromium";
import { startChild, stopAll } from "./processes";

/**
 * `npm run bench:first-view`: what a manager's browser pays for the first view. Builds are
 * served by the real server in demo mode; Chromium opens the VIP users view cold (no cache),
 * and we record the JavaScript it loaded (gzipped sizes) and when the first table rows showed.
 * Then the same for the Labels view (chart library included).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const { line } = await startChild("server/main.ts", { PORT: "0", LOG_LEVEL: "info", DATA_DIR: mkdtempSync(join(tmpdir(), "bench-first-view-")) }, /Dashboard at/);
const url = (JSON.parse(line) as { url: string }).url;
const browser = await launchChromium();

/**
 * Time from navigation start until `selector` first matches, recorded inside the page by a
 * MutationObserver (a test driver's own polling would add its latency to the number).
 */
async function measure(path: string, selector: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((wanted: string) => {
    const seen = new MutationObserver(() => {
      if (document.querySelector(wanted)) {
        (window as unknown as { benchReadyAt: number }).benchReadyAt = performance.now();
        seen.disconnect();
      }
    });
    seen.observe(document, { childList: true, subtree: true });
  }, selector);
  const page = await context.newPage();
  const scripts = new Map<string, number>();
  page.on("response", async (res) => {
    if (res.url().endsWith(".js")) scripts.set(res.url(), gzipSync(await res.body()).length);
  });
  await page.goto(url + path);
  await page.waitForFunction(() => (window as unknown as { benchReadyAt?: number }).benchReadyAt !== undefined);
  const ms = Math.round(await page.evaluate(() => (window as unknown as { benchReadyAt: number }).benchReadyAt));
  await page.waitForLoadState("networkidle");
  await context.close();
  return { ms, jsGzipBytes: [...scripts.values()].reduce((a, b) => a + b, 0), files: scripts.size };
}

const FIRST_ROW = ".users-table tbody tr:not(.skeleton-row)";
const FIRST_BAR = "[data-bar]";

const out = (s = "") => process.stdout.write(`${s}\n`);
out(`# First view, ${new Date().toISOString()} (Chromium, cold cache, ${RUNS} runs each, loopback)`);
out("| view | JS loaded (gzip) | files | from navigation start to content, median (min–max) | target |");
out("|---|---|---|---|---|");
for (const [name, path, ready, target] of [
  ["VIP users: first table rows", "/users", FIRST_ROW, "≤ 150 KB gzip JS, rows < 1 s"],
  ["Labels: first chart bars", "/labels", FIRST_BAR, "(chart loads only here)"],
] as const) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(path, ready));
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const last = runs.at(-1)!;
  out(
    `| ${name} | ${(last.jsGzipBytes / 1024).toFixed(1)} KB | ${last.files} | ${times[Math.floor(times.length / 2)]} ms (${times[0]}–${times.at(-1)}) | ${target} |`,
  );
}
out();
out("Reproduce: `npm run build && npm run bench:first-view`.");
await browser.close();
await stopAll();
