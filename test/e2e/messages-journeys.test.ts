import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, openBrowserForFile, snap } from "./browser";
import { startServerProcess, type ServerProcess } from "./server-process";

let server: ServerProcess;
const browser = openBrowserForFile();
const GATE = "ws=ws_aurora&ch=ch_aurora_messenger";

/** Scrolls the list to its end until everything is loaded; returns the status line. */
async function scrollToEnd(page: Page): Promise<string> {
  const list = page.getByRole("region", { name: /^VIP messages, newest first/ });
  const status = page.getByRole("status").filter({ hasText: / loaded/ });
  for (let guard = 0; guard < 200; guard++) {
    const text = (await status.textContent()) ?? "";
    if (text.startsWith("All ")) return text;
    await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(30);
  }
  throw new Error("the list never finished loading");
}

describeInBrowser("managers' journeys: every VIP message", () => {
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(() => server?.stop());

  it("11. a period's messages, loaded by scrolling a virtual list, are exactly its activity count", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/labels?${GATE}`);
    // The activity panel's fifth day, and a week the window clips (the first of Week view).
    const dayPeriod = page.getByRole("link", { name: /^All VIP messages, \d{4}-\d{2}-\d{2}: / }).nth(4);
    const dayCount = (await dayPeriod.getAttribute("aria-label"))!.match(/: ([\d,]+) messages/)![1]!;
    await dayPeriod.click();
    await page.waitForURL(/\/messages\?/);
    await page.getByRole("status").filter({ hasText: / loaded/ }).waitFor();
    await snap(page, "messages");
    // Only what is on screen is in the page, each item saying its place among all loaded.
    expect(await page.locator(".virtual-messages li").count()).toBeLessThan(60);
    expect(await scrollToEnd(page)).toBe(`All ${dayCount} messages loaded`);
    const list = page.getByRole("region", { name: /^VIP messages, newest first/ });
    await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const last = page.locator(".virtual-messages li").last();
    await expect.poll(() => last.getAttribute("aria-posinset")).toBe(dayCount.replace(/,/g, ""));
    expect(await last.getAttribute("aria-setsize")).toBe(dayCount.replace(/,/g, ""));

    await page.goto(`${server.url}/labels?${GATE}&granularity=week`);
    // The first week the window clips: its first week, or (when the window starts on a Monday)
    // the current one, "(2 of 7 days, so far)".
    const week = page.getByRole("link", { name: /^All VIP messages, week of \d{4}-\d{2}-\d{2} \(\d of 7 days(, so far)?\): / }).first();
    const weekCount = (await week.getAttribute("aria-label"))!.match(/: ([\d,]+) messages/)![1]!;
    await week.click();
    await page.waitForURL(/\/messages\?/);
    expect(await scrollToEnd(page)).toBe(`All ${weekCount} messages loaded`);
  });

  it("11b. every period of a 31-day window, by day and by week, opens exactly its activity count of messages", async () => {
    // The web chat channel (about a hundred messages a day) keeps 36 full listings quick.
    const page = await browser.newPage();
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    for (const granularity of ["day", "week"]) {
      await page.goto(`${server.url}/labels?ws=ws_aurora&ch=ch_aurora_webchat&from=${day(30)}&to=${day(0)}&granularity=${granularity}`);
      const periods = page.getByRole("link", { name: /^All VIP messages, / });
      await periods.first().waitFor();
      const names = await periods.evaluateAll((all) => all.map((a) => a.getAttribute("aria-label")!));
      expect(names.length).toBeGreaterThanOrEqual(granularity === "day" ? 31 : 5);
      // Each period's own days, clipped to the window: the URL its link opens (test 11 clicks one).
      const links = names.map((name) => {
        const start = /(\d{4}-\d{2}-\d{2})/.exec(name)![1]!;
        const last = granularity === "day" ? start : new Date(Date.parse(start) + 6 * 86_400_000).toISOString().slice(0, 10);
        const [from, to] = [start < day(30) ? day(30) : start, last > day(0) ? day(0) : last];
        return { name, href: `/messages?ws=ws_aurora&ch=ch_aurora_webchat&from=${from}&to=${to}` };
      });
      for (const { href, name } of links) {
        const count = name.match(/: ([\d,]+) messages?/)![1]!;
        await page.goto(`${server.url}${href}`);
        await page.getByRole("status").filter({ hasText: / loaded/ }).waitFor();
        expect(await scrollToEnd(page), `${name}`).toBe(`All ${count} ${count === "1" ? "message" : "messages"} loaded`);
      }
    }
  });
});
