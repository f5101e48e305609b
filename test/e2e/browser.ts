import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect } from "vitest";
import { chromiumPath, launchChromium } from "./chromium";

const executablePath = chromiumPath();

/**
 * `describe` for browser journeys: skipped only outside CI when there is no Chromium (the
 * global setup says so, once, loudly; in CI it fails the run instead).
 */
// oxlint-disable-next-line vitest/valid-describe-callback, vitest/valid-title -- skipIf(cond) returns a describe; it is called with a title and callback in each file
export const describeInBrowser = describe.skipIf(!executablePath);

const SCREENSHOT_DIR = process.env.SCREENSHOTS ? "docs/screenshots" : "test-results/e2e";

export interface BrowserHandle {
  browser: Browser;
  /**
   * A fresh context and page (desktop size unless `options` say otherwise: a phone, a locale,
   * a time zone, dark mode); console errors, warnings and page errors fail the test.
   */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /**
   * For journeys that provoke failures on purpose: Chromium logs every failed HTTP response
   * as a console error, so those lines (and only those) are allowed for the current test.
   */
  allowFailedResponses(statuses: number[]): void;
}

/** One browser per file, a new context per page, and no console noise allowed. */
export function openBrowserForFile(): BrowserHandle {
  const handle = {} as BrowserHandle;
  const contexts: BrowserContext[] = [];
  let problems: string[] = [];
  let allowed: RegExp | undefined;
  beforeAll(async () => {
    handle.browser = await launchChromium();
  });
  afterEach(async () => {
    const found = problems.filter((p) => !allowed?.test(p));
    problems = [];
    allowed = undefined;
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    expect(found, "console errors or warnings in the browser").toEqual([]);
  });
  afterAll(async () => {
    await handle.browser?.close();
  });
  handle.allowFailedResponses = (statuses) => {
    allowed = new RegExp(`^error: Failed to load resource: the server responded with a status of (${statuses.join("|")}) `);
  };
  handle.newPage = async (options = {}) => {
    const context = await handle.browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true, ...options });
    contexts.push(context);
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    return page;
  };
  return handle;
}

/** Saves a screenshot of the journey (to docs/screenshots with `npm run screenshots`). */
export async function snap(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}
