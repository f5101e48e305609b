import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseCsv } from "../helpers/csv";
import { describeInBrowser, snap, openBrowserForFile } from "./browser";
import { startServerProcess, type ServerProcess } from "./server-process";

let server: ServerProcess;
let tight: ServerProcess;
const browser = openBrowserForFile();

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}";
/** A month bar's name: "Frustrated, November 2026[ (so far)]: 4,210 messages[; unusual: …][; events: …]". */
const monthBar = (label: string) => new RegExp(`^${label}, ${MONTH}(?: \\([^)]+\\))?: [\\d,]+ messages?`);
const countIn = (name: string | null) => Number(/: ([\d,]+) messages?/.exec(name ?? "")![1]!.replace(/,/g, ""));
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** The long trend has every window it asked for: no progress line left (it goes once all arrived). */
async function fullyLoaded(page: Page) {
  await page.getByRole("button", { name: monthBar("Frustrated") }).first().waitFor({ timeout: 60_000 });
  await page.locator(".trend-progress").waitFor({ state: "detached", timeout: 60_000 });
}

/** Everything a drill-down lists, once it says it is complete. */
async function listedCount(dialog: Locator) {
  const status = dialog.getByRole("status").filter({ hasText: /^(Showing|All) / });
  await status.waitFor();
  const all = dialog.getByRole("button", { name: /^Load all / });
  if ((await all.count()) > 0) await all.click();
  await expect.poll(async () => (await status.textContent()) ?? "", { timeout: 30_000 }).toMatch(/^All /);
  return Number(/^All ([\d,]+)/.exec((await status.textContent())!)![1]!.replace(/,/g, ""));
}

describeInBrowser("managers' journeys: a season at a glance", () => {
  beforeAll(async () => {
    [server, tight] = await Promise.all([startServerProcess(), startServerProcess({ UPSTREAM_MAX_RPS: "2" })]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), tight?.stop()]);
  });

  it("20a. 12 months by month: stitched bars, the year before, a month's messages equal its bar, and the team's events everywhere", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${server.url}/labels`);
    await page.getByRole("button", { name: /^Frustrated, / }).first().waitFor();
    await page.getByRole("button", { name: "12 months" }).click();
    // A preset longer than 92 days comes by month.
    await page.waitForURL(/granularity=month/);
    await fullyLoaded(page);
    expect(await page.getByRole("button", { name: monthBar("Frustrated") }).count()).toBe(13);
    expect(await page.getByText(/^Months are UTC calendar months/).count()).toBe(1);
    await page.getByText(/The dotted line is the same range a year earlier \(/).waitFor();
    const totals = page.getByRole("table", { name: "Totals per label for the window" });
    expect(await totals.getByRole("columnheader", { name: "A year earlier" }).count()).toBe(1);

    // An analyst (local mode is every role) adds an event in the page, in the month before last.
    const eventDay = day(40);
    await page.getByRole("button", { name: "Add an event" }).click();
    const form = page.getByRole("form", { name: "Add an event" });
    await form.getByLabel("Title").fill("Season 4 launch");
    await form.getByLabel("First day (UTC)").fill(eventDay);
    await form.getByLabel("Last day (optional)").fill(day(37));
    await form.getByLabel("Link (optional)").fill("https://example.com/season-4");
    await form.getByRole("button", { name: "Add event" }).click();
    await form.waitFor({ state: "detached" });
    const events = page.getByRole("region", { name: "Events in this range" });
    await events.getByRole("link", { name: "Season 4 launch" }).waitFor();
    // Marked on the chart (its legend), and named in the bars of the months it touches.
    const legend = page.getByRole("list", { name: "Events in this window" });
    await legend.getByText("Season 4 launch").first().waitFor();
    const marked = page.getByRole("button", { name: /^Gift code issue, .*; events: Season 4 launch \(/ });
    await marked.first().waitFor();
    expect(await marked.count()).toBeGreaterThanOrEqual(1);
    await snap(page, "labels-12-months-events");

    // A month bar opens its messages: exactly its count, and its events in the header.
    const bar = marked.first();
    const count = countIn(await bar.getAttribute("aria-label"));
    expect(count).toBeGreaterThan(0);
    await bar.click();
    const dialog = page.getByRole("dialog", { name: /^Gift code issue: / });
    await dialog.waitFor();
    expect(await dialog.getByText(new RegExp(`^${MONTH} \\(UTC`)).count()).toBe(1);
    expect(await dialog.getByText(/^Season 4 launch \(/).count()).toBe(1);
    expect(await listedCount(dialog)).toBe(count);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    // The rows CSV: what is shown, events included, read back by a strict parser.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download as rows (CSV)" }).click()]);
    const text = await readFile((await download.path())!, "utf8");
    const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
    expect(header).toEqual(["Period from (UTC)", "Period to (UTC)", "Covers", "Label", "Count", "All VIP messages", "Share (% of VIP messages)", "Events"]);
    const giftRows = rows.filter((r) => r[3] === "Gift code issue");
    expect(giftRows).toHaveLength(13);
    const withEvent = giftRows.filter((r) => r[7]!.startsWith("Season 4 launch ("));
    expect(withEvent.map((r) => Number(r[4]))).toContain(count);
    // The table says the same, with its Events column.
    await page.getByRole("radio", { name: "Table" }).check();
    const table = page.getByRole("region", { name: "Label numbers per period (scrolls sideways)" });
    expect(await table.getByRole("columnheader", { name: "Events" }).count()).toBe(1);
    expect(await table.getByRole("cell", { name: "Season 4 launch" }).count()).toBeGreaterThanOrEqual(1);
  });

  it("20b. events: pasted as CSV, changed and deleted in the page; a wrong row is named and nothing is added", async () => {
    // The refused paste is a 400 on purpose, which Chromium logs.
    browser.allowFailedResponses([400]);
    const page = await browser.newPage();
    await page.goto(`${server.url}/labels?from=${day(80)}&to=${day(0)}&granularity=week`);
    await page.getByRole("button", { name: /^Frustrated, week of / }).first().waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Paste a list (CSV)" }).click();
    const paste = page.getByRole("form", { name: "Paste a list of events" });
    await paste.getByRole("textbox").fill(`date,end date,title,link\n${day(20)},,Servers down,\n${day(9)},not-a-day,Double-XP weekend,`);
    await paste.getByRole("button", { name: "Add these events" }).click();
    const refusal = paste.getByRole("alert");
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/row 3/i);
    expect(await page.getByRole("region", { name: "Events in this range" }).getByRole("listitem").filter({ hasText: "Servers down" }).count()).toBe(0);
    await paste.getByRole("textbox").fill(`${day(20)},,Servers down,\n${day(9)},${day(8)},Double-XP weekend,https://example.com/xp`);
    await paste.getByRole("button", { name: "Add these events" }).click();
    await paste.getByRole("status").filter({ hasText: "Added 2 events." }).waitFor();
    await paste.getByRole("button", { name: "Close" }).click();
    const list = page.getByRole("region", { name: "Events in this range" }).getByRole("list");
    await list.getByText("Servers down").waitFor();
    await page.getByRole("button", { name: /^Frustrated, week of .*; events: Servers down \(/ }).first().waitFor();

    // A blank title is named on its field, and nothing is sent.
    const posts: string[] = [];
    page.on("request", (r) => r.method() === "POST" && r.url().includes("/api/events") && posts.push(r.url()));
    await page.getByRole("button", { name: "Add an event" }).click();
    const add = page.getByRole("form", { name: "Add an event" });
    await add.getByRole("button", { name: "Add event" }).click();
    await add.getByText("Give the event a title.").waitFor();
    expect(await add.getByLabel("Title").getAttribute("aria-invalid")).toBe("true");
    expect(await add.getByLabel("Title").evaluate((el) => el === document.activeElement)).toBe(true);
    expect(posts).toEqual([]);
    await add.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("button", { name: "Change Servers down" }).click();
    const edit = page.getByRole("form", { name: "Change “Servers down”" });
    await edit.getByLabel("Title").fill("Servers down (EU)");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await list.getByText("Servers down (EU)").waitFor();
    await page.getByRole("button", { name: /; events: Servers down \(EU\) \(/ }).first().waitFor();

    await page.getByRole("button", { name: "Delete Double-XP weekend" }).click();
    await page.getByRole("button", { name: "Delete “Double-XP weekend”" }).click();
    // The row (its link and, while deleting, its confirm button both carry the title) leaves.
    await list.getByRole("listitem").filter({ hasText: "Double-XP weekend" }).waitFor({ state: "detached" });
    expect(await page.getByRole("button", { name: /; events: Double-XP weekend/ }).count()).toBe(0);
  });

  it("20c. the first fill under a budget of 2 requests a second shows its progress and never shows a 429", async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on("response", (r) => r.status() === 429 && refused.push(r.url()));
    const progress: string[] = [];
    await page.goto(`${tight.url}/labels?granularity=month&from=${new Date(Date.UTC(new Date().getUTCFullYear() - 1, new Date().getUTCMonth(), 1)).toISOString().slice(0, 10)}&to=${day(0)}`);
    const status = page.getByRole("status").filter({ hasText: /^Loaded \d+ of 13 months/ });
    await status.waitFor({ timeout: 30_000 });
    progress.push((await status.textContent()) ?? "");
    await fullyLoaded(page);
    expect(progress[0]).toMatch(/^Loaded ([0-9]|1[0-2]) of 13 months/);
    expect(await page.getByRole("button", { name: monthBar("Frustrated") }).count()).toBe(13);
    expect(refused).toEqual([]);
  });
});
