import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeInBrowser, openBrowserForFile } from "./browser";
import { startServerProcess, type ServerProcess } from "./server-process";

const browser = openBrowserForFile();
const GATE = "ws=ws_aurora&ch=ch_aurora_webchat";

/**
 * The date-dependent journeys on days that have broken dashboards: a Monday (a 30-day window
 * then starts on a Monday, so only the current week is clipped), a Sunday (the week ends
 * today), the 1st and the 31st of a month (the month flips inside the window), and 29 February.
 * The simulator's clock (DEMO_CLOCK, so its data's "today") and the browser's are both set to
 * the day; the dashboard server keeps the real clock and learns the upstream's, as it would.
 */
const DAYS = [
  { day: "2026-12-07", why: "a Monday" },
  { day: "2026-12-13", why: "a Sunday" },
  { day: "2027-01-01", why: "the 1st of a month (and of a year)" },
  { day: "2027-01-31", why: "the 31st of a month" },
  { day: "2028-02-29", why: "29 February" },
];

/** Scrolls the Messages list to its end; returns its closing status line. */
async function scrollToEnd(page: Page): Promise<string> {
  const list = page.getByRole("region", { name: /^VIP messages, newest first/ });
  const status = page.getByRole("status").filter({ hasText: / loaded/ });
  await status.waitFor();
  await expect.poll(async () => {
    await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    return (await status.textContent()) ?? "";
  }, { timeout: 30_000, interval: 50 }).toMatch(/^All /);
  return (await status.textContent())!;
}

/** "…: 1,234 messages; open them" → 1234. */
const countIn = (name: string | null) => Number(/: ([\d,]+) messages?/.exec(name ?? "")![1]!.replace(/,/g, ""));
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const loaded = (n: number) => `All ${n.toLocaleString("en-US")} ${n === 1 ? "message" : "messages"} loaded`;

describeInBrowser("date-dependent journeys on the days that break calendars", () => {
  for (const { day, why } of DAYS) {
    describe(`${day}, ${why}`, () => {
      let server: ServerProcess;
      beforeAll(async () => {
        server = await startServerProcess({ DEMO_CLOCK: `${day}T10:00:00Z` });
      });
      afterAll(() => server?.stop());

      async function pageOnTheDay() {
        const page = await browser.newPage();
        await page.clock.setFixedTime(new Date(`${day}T10:00:00Z`));
        return page;
      }

      it("the Labels window ends today, today is 'so far', and a day and a clipped week open exactly their counts", async () => {
        const page = await pageOnTheDay();
        await page.goto(`${server.url}/labels?${GATE}`);
        const today = page.getByRole("link", { name: new RegExp(`^All VIP messages, ${day} \\(so far\\): `) });
        await today.waitFor();
        const yesterday = page.getByRole("link", { name: new RegExp(`^All VIP messages, ${shift(day, -1)}: `) });
        const count = countIn(await yesterday.getAttribute("aria-label"));
        await yesterday.click();
        await page.waitForURL(new RegExp(`from=${shift(day, -1)}&to=${shift(day, -1)}`));
        expect(await scrollToEnd(page)).toBe(loaded(count));

        await page.goto(`${server.url}/labels?${GATE}&granularity=week`);
        const clipped = page.getByRole("link", { name: /^All VIP messages, week of \d{4}-\d{2}-\d{2} \(\d of 7 days(, so far)?\): / });
        await clipped.first().waitFor();
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        // The window's first week is clipped unless the window starts on a Monday (today a Tuesday);
        // the current week is clipped unless today is a Sunday.
        const windowStartsMonday = new Date(`${shift(day, -29)}T00:00:00Z`).getUTCDay() === 1;
        expect(await clipped.count()).toBe((windowStartsMonday ? 0 : 1) + (weekday === 0 ? 0 : 1));
        const week = clipped.first();
        const weekCount = countIn(await week.getAttribute("aria-label"));
        await week.click();
        await page.waitForURL(/\/messages\?/);
        expect(await scrollToEnd(page)).toBe(loaded(weekCount));
      });

      it("'Birthdays this month' is this UTC month, and Upcoming birthdays starts today", async () => {
        const page = await pageOnTheDay();
        await page.goto(`${server.url}/users?${GATE}`);
        await page.getByRole("button", { name: "Birthdays this month" }).click();
        await page.waitForURL(new RegExp(`month=${Number(day.slice(5, 7))}(&|$)`));

        await page.goto(`${server.url}/birthdays?${GATE}&range=7`);
        const long = new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" });
        const summary = page.getByRole("status").filter({ hasText: /birthdays? from/ });
        await expect.poll(() => summary.textContent()).toContain(`Today is ${long} in UTC.`);
        const to = new Date(`${shift(day, 6)}T12:00:00Z`).toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" });
        // The years are named when the range crosses one.
        expect(await summary.textContent()).toMatch(new RegExp(`to ${to}(, \\d{4})?\\. `));
      });
    });
  }
});
