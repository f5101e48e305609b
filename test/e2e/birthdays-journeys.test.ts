import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { expectedBirthdays, peopleWithBirthdays } from "../helpers/birthday-reference";
import { parseCsv } from "../helpers/csv";
import { describeInBrowser, openBrowserForFile, snap } from "./browser";
import { startServerProcess, type ServerProcess } from "./server-process";

let server: ServerProcess;
const browser = openBrowserForFile();
const GATE = "ws=ws_aurora&ch=ch_aurora_messenger";

/**
 * The whole list, in order, read by scrolling its box (only the rows on screen are in the page):
 * the players with the day each is under, the day headings, and the most rows ever in the page.
 */
async function shownList(page: Page): Promise<{ people: { on: string; id: string }[]; headings: string[]; mostInPage: number }> {
  const region = page.getByRole("region", { name: "Birthdays, day by day (scrolls)" });
  await page.locator(".virtual-birthdays li[aria-posinset], .empty-state").first().waitFor();
  if ((await region.count()) === 0) return { people: [], headings: [], mostInPage: 0 };
  return region.evaluate(async (element) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const seen = new Map<number, { person?: { on: string; id: string }; heading?: string }>();
    let mostInPage = 0;
    element.scrollTop = 0;
    await frame();
    for (let guard = 0; guard < 10_000; guard++) {
      const rows = [...element.querySelectorAll("li[aria-posinset]")];
      mostInPage = Math.max(mostInPage, rows.length);
      for (const li of rows) {
        const place = Number(li.getAttribute("aria-posinset"));
        if (li.classList.contains("birthday-person")) seen.set(place, { person: { on: li.getAttribute("data-on") ?? "", id: li.querySelector("code")?.textContent ?? "" } });
        else seen.set(place, { heading: li.querySelector("h2")?.textContent ?? "" });
      }
      if (element.scrollTop + element.clientHeight >= element.scrollHeight - 1) break;
      element.scrollTop += element.clientHeight * 0.8;
      await frame();
    }
    const ordered = [...seen].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
    return { people: ordered.flatMap((r) => (r.person ? [r.person] : [])), headings: ordered.flatMap((r) => (r.heading !== undefined ? [r.heading] : [])), mostInPage };
  });
}

async function download(page: Page, button: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  return { name: file.suggestedFilename(), rows: parseCsv((await readFile((await file.path())!, "utf8")).replace(/^\uFEFF/, "")) };
}

describeInBrowser("managers' journeys: upcoming birthdays", () => {
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(() => server?.stop());

  it("12. the next 30 days from 20 December cross the month and the year, equal a scan of the full export, and export the same rows", async () => {
    const page = await browser.newPage();
    // The browser's clock near the year's end; the server and its data stay on today.
    await page.clock.setFixedTime(new Date("2026-12-20T09:00:00Z"));
    await page.goto(`${server.url}/users?${GATE}&birthday=known`);
    await page.getByRole("table", { name: /VIP users/ }).locator("tbody tr:not(.skeleton-row)").first().waitFor();
    const everyone = peopleWithBirthdays((await download(page, "Export CSV")).rows);
    const expected = expectedBirthdays(everyone, "2026-12-20", 30);

    await page.getByRole("link", { name: "Birthdays" }).click();
    await page.getByRole("button", { name: "Next 30 days", exact: true }).click();
    const summary = page.getByRole("status").filter({ hasText: /birthdays from/ });
    await expect.poll(() => summary.textContent()).toMatch(/^[\d,]+ birthdays from Sunday, December 20, 2026 to Monday, January 18, 2027\. Today is Sunday, December 20 in UTC\.$/);
    expect((await summary.textContent())!.startsWith(`${expected.length.toLocaleString("en-US")} birthdays`)).toBe(true);
    const shown = await shownList(page);
    expect(shown.people).toEqual(expected);
    expect(shown.headings[0]).toMatch(/^Today · Sunday, December 20 · \d+ birthdays?$/);
    expect(shown.headings.some((h) => h.startsWith("Friday, January 1, 2027"))).toBe(true);
    // Hundreds of birthdays, a screenful of rows in the page at any moment.
    expect(expected.length).toBeGreaterThan(150);
    expect(shown.mostInPage).toBeLessThan(60);
    // Find a player: the list narrows to the matches, and says how many.
    const someone = expected[Math.floor(expected.length / 2)]!.id;
    await page.getByRole("searchbox", { name: "Find a player" }).fill(someone);
    await page.getByRole("status").filter({ hasText: `1 of ${expected.length.toLocaleString("en-US")} birthdays match “${someone}”.` }).waitFor();
    expect((await shownList(page)).people.map((p) => p.id)).toEqual([someone]);
    await page.getByRole("searchbox", { name: "Find a player" }).fill("");
    await page.getByRole("region", { name: "Birthdays, day by day (scrolls)" }).evaluate((el) => el.scrollTo(0, 0));
    expect(new URL(page.url()).searchParams.get("range")).toBe("30");
    await snap(page, "birthdays");

    const file = await download(page, "Export CSV");
    expect(file.name).toBe("vip-birthdays-ws_aurora-ch_aurora_messenger-2026-12-20_to_2027-01-18.csv");
    expect(file.rows.slice(1).map((r) => ({ on: r[0], id: r[8] }))).toEqual(expected);
    await page.getByText(`Downloaded ${expected.length.toLocaleString("en-US")} rows as vip-birthdays-`).waitFor();
  });

  it("13. today is read in the time zone picked, which is remembered", async () => {
    const page = await browser.newPage();
    // Evening of 19 December in UTC is already 20 December in Auckland (UTC+13 in summer).
    await page.clock.setFixedTime(new Date("2026-12-19T20:00:00Z"));
    await page.goto(`${server.url}/birthdays?${GATE}&range=today`);
    const summary = page.getByRole("status").filter({ hasText: /Today is/ });
    await expect.poll(() => summary.textContent()).toMatch(/birthdays? on Saturday, December 19\. Today is Saturday, December 19 in UTC\.$/);
    await page.getByRole("combobox", { name: "Time zone" }).selectOption("Pacific/Auckland");
    await expect.poll(() => summary.textContent()).toMatch(/birthdays? on Sunday, December 20\. Today is Sunday, December 20 in Pacific\/Auckland\.$/);
    expect((await shownList(page)).people.every((p) => p.on === "2026-12-20")).toBe(true);
    // A fresh visit without the zone in the link uses the one picked last.
    await page.goto(`${server.url}/birthdays?${GATE}&range=tomorrow`);
    await expect.poll(() => summary.textContent()).toMatch(/on Monday, December 21\. Today is Sunday, December 20 in Pacific\/Auckland\.$/);
  });

  it("14. a day with no birthdays says so and offers a longer range", async () => {
    // The small Discord channel (30 players) has days with nobody: find one next January.
    const answer = (await (await fetch(`${server.url}/api/birthdays/upcoming?workspaceId=ws_aurora&mediumId=ch_aurora_discord&from=2027-01-01&days=31`)).json()) as { items: { on: string }[] };
    const taken = new Set(answer.items.map((i) => i.on));
    const free = Array.from({ length: 31 }, (_, i) => `2027-01-${String(i + 1).padStart(2, "0")}`).find((d) => !taken.has(d))!;
    const page = await browser.newPage();
    await page.clock.setFixedTime(new Date(`${free}T12:00:00Z`));
    await page.goto(`${server.url}/birthdays?ws=ws_aurora&ch=ch_aurora_discord&range=today`);
    await page.getByText(/^No birthdays on \w+day, January \d+$/).waitFor();
    expect(await page.getByRole("button", { name: "Export CSV" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Show the next 30 days" }).click();
    await page.waitForURL(/range=30/);
    // The URL changes before the view re-renders: wait on the pressed state, not on the link.
    await expect.poll(() => page.getByRole("button", { name: "Next 30 days", exact: true }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByRole("button", { name: "Show the next 30 days" }).count()).toBe(0);
  });
});
