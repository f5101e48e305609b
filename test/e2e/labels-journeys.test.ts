import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseCsv } from "../helpers/csv";
import { describeInBrowser, snap, openBrowserForFile } from "./browser";
import { startServerProcess, type ServerProcess } from "./server-process";
import { BAR_NAME, countInName } from "../helpers/bar-name";
import { readVirtualList } from "./virtual-list";

let server: ServerProcess;
const browser = openBrowserForFile();

/** A day as the page writes it, in the reader's locale (en-US here). */
const mediumDay = (d: string) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(Date.parse(`${d}T00:00:00Z`));
const countOf = async (bar: Locator) => countInName(await bar.getAttribute("aria-label"));

async function openLabels(page: Page, query = "") {
  await page.goto(`${server.url}/labels${query}`);
  await page.getByRole("button", { name: /^Frustrated, / }).first().waitFor();
}

/**
 * Loads the whole list the way a reader would for a bar of a few thousand: "Load all" when
 * offered (else Load more, a page at a time), until the list says it is complete ("All …");
 * returns the count that line gives. A page already on its way is waited out, not taken for the end.
 */
async function loadEverything(dialog: Locator) {
  const status = dialog.getByRole("status").filter({ hasText: /^(Showing|All) / });
  await status.waitFor();
  const all = dialog.getByRole("button", { name: /^Load all / });
  if ((await all.count()) > 0) await all.click();
  for (let guard = 0; guard < 400; guard++) {
    const text = (await status.textContent()) ?? "";
    if (text.startsWith("All ")) return Number(/^All ([\d,]+)/.exec(text)![1]!.replace(/,/g, ""));
    const more = dialog.getByRole("button", { name: "Load more" });
    if ((await all.count()) === 0 && (await more.count()) > 0 && (await more.isEnabled())) await more.click();
    else await dialog.page().waitForTimeout(50);
  }
  throw new Error("the list never said it was complete");
}

/** The scrolling region of a dialog's virtual list. */
const listOf = (dialog: Locator) => dialog.getByRole("region", { name: /\(scrolls\)$/ });

describeInBrowser("managers' journeys: labels and drill-down", () => {
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(() => server?.stop());

  it("4. last 30 days, day/week and counts/rate change the chart and totals; over 92 days by day is refused", async () => {
    const page = await browser.newPage();
    await openLabels(page);
    await page.getByRole("button", { name: "Last 30 days" }).click();
    await page.waitForURL(/from=.*to=/);
    // The URL changes before the chart re-renders: wait on the bars, not on the link.
    await expect.poll(() => page.getByRole("button", { name: /^Frustrated, \d{4}/ }).count()).toBe(30);
    expect(await page.getByText(/^Days are UTC/).count()).toBe(1);
    await snap(page, "labels");
    const totals = page.getByRole("table", { name: "Totals per label for the window" });
    // The comparison with the window before arrives by a second call: read the totals with it.
    const compared = page.getByText(/^Compared with the 30 days before: /);
    await compared.waitFor();
    const dayTotals = await totals.textContent();

    await page.getByRole("radio", { name: "Week" }).check();
    await page.waitForURL(/granularity=week/);
    await page.getByRole("button", { name: /^Frustrated, week of / }).first().waitFor();
    const weeks = await page.getByRole("button", { name: /^Frustrated, week of / }).count();
    expect(weeks).toBeGreaterThanOrEqual(5);
    expect(weeks).toBeLessThanOrEqual(6);
    expect(await page.getByText(/^Weeks are UTC, Monday to Sunday/).count()).toBe(1);
    await compared.waitFor();
    const weekTotals = await totals.textContent();
    expect(weekTotals).toContain("Busiest week");
    expect(weekTotals).not.toBe(dayTotals);
    // Same window, so the same messages: the per-label totals agree across granularities.
    const messagesColumn = (text: string | null) => text!.match(/[\d,]+(?=\d+\.\d%)/g);
    expect(messagesColumn(weekTotals)).toEqual(messagesColumn(dayTotals));

    // Rates by default, per label on one scale; counts on request; a stack only of counts.
    const scale = page.getByText(/^Same scale in every panel/);
    expect(await scale.textContent()).toMatch(/of all VIP messages in the period($|\. The dotted line)/);
    await page.getByRole("radio", { name: "Counts" }).check();
    await page.waitForURL(/mode=count/);
    await expect.poll(() => scale.textContent()).toMatch(/messages carrying the label($|\. The dotted line)/);
    // Counts or rates do not change what was counted: the totals stay as they were.
    expect(await totals.textContent()).toBe(weekTotals);
    await page.getByRole("radio", { name: "Stacked tags" }).check();
    await page.getByText("Label tags", { exact: true }).waitFor();
    expect(await page.getByRole("radio", { name: "Rate" }).isDisabled()).toBe(true);
    await snap(page, "labels-stacked-tags");
    // Its segments open their messages on a click, as the panels' bars do.
    await page.getByRole("button", { name: /^Praise, week of / }).nth(2).click();
    await page.getByRole("dialog", { name: /^Praise: / }).waitFor();
    await page.keyboard.press("Escape");

    const to = await page.getByLabel("To", { exact: true }).inputValue();
    // Past 31 days the chart is a long trend; by day it holds at most 92 days, and says what to choose.
    await page.getByRole("radio", { name: "Day" }).check();
    await page.waitForURL((url) => !url.searchParams.has("granularity"));
    const tooEarly = new Date(Date.parse(to) - 119 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("From", { exact: true }).fill(tooEarly);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe("By day, a trend covers at most 92 days; choose by week or by month for a longer range.");
    expect(await page.getByRole("button", { name: BAR_NAME }).count()).toBe(0);
  });

  it("5. a bar's messages: count equals the bar, kind filter, export, Back/Forward/Escape, and a shared link", async () => {
    const page = await browser.newPage();
    await openLabels(page);
    const bars = page.getByRole("button", { name: /^Bug report, / });
    const bar = bars.nth(5);
    const name = (await bar.getAttribute("aria-label"))!;
    const count = await countOf(bar);
    const [, label, , bucket] = BAR_NAME.exec(name)!;
    await bar.click();
    const dialog = page.getByRole("dialog", { name: new RegExp(`^${label}: ${bucket} 00:00 – `) });
    await dialog.waitFor();
    expect(await loadEverything(dialog)).toBe(count);
    expect(await dialog.getByText(`All ${count.toLocaleString("en-US")} message`).count()).toBeGreaterThan(0);
    await snap(page, "drill-down");

    // Bug reports come with screenshots: narrowing to attachments keeps some, not all.
    await dialog.getByRole("combobox", { name: "Content kind" }).selectOption("attachment");
    await page.waitForURL(/kind=attachment/);
    const attachmentsOnly = await loadEverything(dialog);
    expect(attachmentsOnly).toBeGreaterThan(0);
    expect(attachmentsOnly).toBeLessThan(count);
    const listed = await readVirtualList(listOf(dialog));
    expect(listed.items.map((m) => m.position)).toEqual(Array.from({ length: attachmentsOnly }, (_, i) => i + 1));
    expect(listed.items.every((m) => m.text.includes("attachment"))).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      dialog.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^vip-messages-ws_aurora-ch_aurora_messenger-bug_report-attachment-/);
    const rows = parseCsv(await readFile((await download.path())!, "utf8"));
    expect(rows.length - 1).toBe(attachmentsOnly);

    const link = page.url();
    await page.goBack();
    await dialog.waitFor({ state: "detached" });
    await page.goForward();
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(page.url()).not.toContain("drill=");

    const shared = await browser.newPage();
    await shared.goto(link);
    await shared.getByRole("dialog", { name: new RegExp(`^${label}: ${bucket} 00:00 – `) }).waitFor();
    expect(await shared.getByRole("combobox", { name: "Content kind" }).inputValue()).toBe("attachment");
  });

  it("5d. the demo's injected spikes are listed as unusual, each opening its bar's messages; a quiet window flags none", async () => {
    const page = await browser.newPage();
    await openLabels(page);
    const unusual = page.getByRole("region", { name: "Unusual this period" });
    await unusual.getByRole("list").waitFor();
    const items = await unusual.getByRole("listitem").allTextContents();
    // The episodes the demo injects in the last 30 days (server/simulator/data/labels.ts).
    for (const label of ["Gift code issue", "Pay-to-win complaint", "Refund request", "Frustrated", "Bug report", "Event feedback"]) {
      expect(items.some((item) => item.startsWith(`${label}: `)), `${label} in ${items.join(" | ")}`).toBe(true);
    }
    expect(items.filter((item) => item.startsWith("Question: ") || item.startsWith("Account issue: "))).toEqual([]);
    await snap(page, "unusual");
    // An item opens its strongest period: the marked bar, whose messages are exactly its count.
    await unusual.getByRole("button", { name: /^Refund request: / }).first().click();
    const drill = new URL(page.url()).searchParams.get("drill")!;
    const bar = page.locator(`[data-bar="${drill.replace(":", "|")}"]`).first();
    const name = (await bar.getAttribute("aria-label"))!;
    expect(name).toMatch(/; unusual: [\d.]+ times its usual share of the 4 weeks before$/);
    const dialog = page.getByRole("dialog", { name: /^Refund request: / });
    expect(await loadEverything(dialog)).toBe(countInName(name));
    await page.keyboard.press("Escape");
    // Stacked tags mark the same periods with an outline, and name them the same way.
    await page.getByRole("radio", { name: "Stacked tags" }).check();
    // Recharts draws the segments over a few frames: wait until the marked ones are there.
    await expect.poll(() => page.locator(".chart-bar--unusual").count()).toBeGreaterThan(0);
    const outlined = await page.locator(".chart-bar--unusual").evaluateAll((all) => all.map((e) => e.getAttribute("aria-label") ?? ""));
    expect(outlined.every((n) => n.includes("; unusual: "))).toBe(true);
    expect(await page.locator('.chart-bar[aria-label*="; unusual: "]').count()).toBe(outlined.length);

    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    await openLabels(page, `?ws=ws_aurora&ch=ch_aurora_messenger&from=${day(80)}&to=${day(66)}`);
    await unusual.getByText(/^Nothing unusual: /).waitFor();
    expect(await page.locator('[aria-label*="; unusual: "]').count()).toBe(0);
  });

  it("5e. this window against the one before: every label's counts and changes are the numbers two overview calls give", async () => {
    const page = await browser.newPage();
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    await openLabels(page, `?ws=ws_aurora&ch=ch_aurora_messenger&from=${day(16)}&to=${day(3)}`);
    await page.getByText(new RegExp(`^Compared with the 14 days before: ${mediumDay(day(30))} to ${mediumDay(day(17))} \\(UTC\\)`)).waitFor();
    // The two calls made by hand, as the API answers them.
    const overview = async (from: string, to: string) =>
      (await (await fetch(`${server.url}/api/vip-labels/overview?workspaceId=ws_aurora&mediumId=ch_aurora_messenger&from=${from}&to=${to}`)).json()) as {
        labels: { id: string; name: string }[];
        rows: { label: string; count: number }[];
      };
    const [now, before] = [await overview(day(16), day(3)), await overview(day(30), day(17))];
    const sum = (o: typeof now, id: string) => o.rows.filter((r) => r.label === id).reduce((n, r) => n + r.count, 0);
    const totals = page.getByRole("table", { name: "Totals per label for the window" });
    for (const label of now.labels) {
      const cells = await totals.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label.name, exact: true }) }).getByRole("cell").allTextContents();
      const [current, previous] = [sum(now, label.id), sum(before, label.id)];
      const delta = current - previous;
      const sign = delta > 0 ? "+" : "−";
      expect(cells[0], `${label.name}`).toBe(current.toLocaleString("en-US"));
      expect(cells[3], `${label.name}`).toBe(previous.toLocaleString("en-US"));
      expect(cells[4], `${label.name}`).toBe(delta === 0 ? "no change" : `${sign}${Math.abs(delta).toLocaleString("en-US")} (${previous === 0 ? "from 0" : `${sign}${Math.abs((delta / previous) * 100).toFixed(1)}%`})`);
    }
  });

  it("5g. a week bar of about a thousand messages loads whole by scrolling and by Load all, in a bounded page, and can be searched", async () => {
    const page = await browser.newPage();
    await openLabels(page, "?ws=ws_aurora&ch=ch_aurora_messenger&granularity=week&mode=count");
    const names = await page.getByRole("button", { name: /^[^,]+, week of / }).evaluateAll((all) => all.map((b) => b.getAttribute("aria-label")!));
    const big = names.map((name) => ({ name, count: countInName(name) })).filter((b) => b.count >= 900 && b.count <= 5_000);
    expect(big.length).toBeGreaterThan(0);
    const { name, count } = big.sort((a, b) => a.count - b.count)[0]!;

    // By scrolling alone.
    await page.getByRole("button", { name, exact: true }).click();
    let dialog = page.getByRole("dialog");
    const status = dialog.getByRole("status").filter({ hasText: /^(Showing|All) / });
    await status.waitFor();
    const list = listOf(dialog);
    await expect.poll(async () => {
      await list.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      return status.textContent();
    }, { timeout: 60_000, interval: 50 }).toBe(`All ${count.toLocaleString("en-US")} messages shown`);
    const listed = await readVirtualList(list);
    expect(listed.items.map((m) => m.position)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(listed.items.every((m) => m.setSize === count)).toBe(true);
    expect(listed.mostInPage).toBeLessThan(60);
    expect(await dialog.locator("*").count()).toBeLessThan(1_500);

    // Find in what is loaded.
    const search = dialog.getByRole("searchbox", { name: "Find in these messages" });
    // The first player's name, as the item shows it first.
    const needle = listed.items[0]!.text.slice(0, 5).trim();
    await search.fill(needle);
    await dialog.getByRole("status").filter({ hasText: new RegExp(`match “${needle}”$`) }).waitFor();
    await search.fill("no message says this zzqx");
    await dialog.getByText("No loaded message matches.").waitFor();

    // By Load all, in a fresh page (this one keeps what it loaded).
    const fresh = await browser.newPage();
    await openLabels(fresh, "?ws=ws_aurora&ch=ch_aurora_messenger&granularity=week&mode=count");
    await fresh.getByRole("button", { name, exact: true }).click();
    dialog = fresh.getByRole("dialog");
    await dialog.getByRole("button", { name: `Load all ${count.toLocaleString("en-US")}` }).click();
    await dialog.getByRole("status").filter({ hasText: `All ${count.toLocaleString("en-US")} messages shown` }).waitFor({ timeout: 60_000 });
    expect(await dialog.locator("li").count()).toBeLessThan(60);
  });

  it("5f. every per-label bar speaks: pointing or focusing shows its readout beside it, with the window before; Own scale lives in the URL", async () => {
    const page = await browser.newPage();
    await openLabels(page, "?ws=ws_aurora&ch=ch_aurora_messenger");
    const bar = page.getByRole("button", { name: /^Frustrated, \d{4}-\d{2}-\d{2}: / }).nth(10);
    const name = (await bar.getAttribute("aria-label"))!;
    const [, day] = /, (\d{4}-\d{2}-\d{2}):/.exec(name)!;
    await bar.hover();
    const readout = page.getByRole("tooltip");
    await expect.poll(() => readout.textContent()).toContain("Window before:");
    const text = (await readout.textContent())!;
    expect(text).toContain("Frustrated");
    expect(text).toContain(`${day} (UTC)`);
    expect(text).toContain(`${(await countOf(bar)).toLocaleString("en-US")} messages · `);
    expect(text).toMatch(/\d+\.\d% of [\d,]+ VIP messages/);
    // Beside the bar: level with it, to its left or right, and wholly on screen.
    const [b, r] = [(await bar.boundingBox())!, (await readout.boundingBox())!];
    expect(r.y).toBeLessThan(b.y + b.height);
    expect(r.y + r.height).toBeGreaterThan(b.y);
    expect(r.x >= b.x + b.width - 1 || r.x + r.width <= b.x + 1).toBe(true);
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(1280);
    await snap(page, "labels-readout");
    // Light y ticks put a number to a height.
    expect(await page.locator(".multiple__tick--y").count()).toBeGreaterThan(0);

    // Keyboard focus shows the same readout, described to a screen reader.
    await page.mouse.move(0, 0);
    await readout.waitFor({ state: "detached" });
    const other = page.getByRole("button", { name: /^Praise, \d{4}-\d{2}-\d{2}: / }).nth(3);
    await other.focus();
    await expect.poll(() => readout.textContent()).toContain("Praise");
    expect(await other.getAttribute("aria-describedby")).toBe(await readout.getAttribute("id"));

    // A small label on its own scale: its tallest bar reaches the top, and the link keeps it.
    const toggle = page.getByRole("button", { name: "Own scale for Account issue" });
    const tallest = async () =>
      page.locator(".multiple").filter({ has: page.getByRole("heading", { name: "Account issue" }) }).locator(".multiple__tick--y").allTextContents();
    const sharedTicks = await tallest();
    await toggle.click();
    await page.waitForURL(/[?&]own=account_issue(&|$)/);
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(tallest).not.toEqual(sharedTicks);
    await page.reload();
    await page.getByRole("button", { name: "Own scale for Account issue" }).waitFor();
    expect(await page.getByRole("button", { name: "Own scale for Account issue" }).getAttribute("aria-pressed")).toBe("true");
  });

  it("5b. Enter on a focused bar opens it, and focus comes back to the bar on close", async () => {
    const page = await browser.newPage();
    await openLabels(page);
    const bar = page.getByRole("button", { name: /^Churn risk, / }).nth(3);
    const name = (await bar.getAttribute("aria-label"))!;
    await bar.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: /^Churn risk: / });
    await dialog.waitFor();
    expect(await loadEverything(dialog)).toBe(await countOf(page.getByRole("button", { name })));
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(name);
  });

  it("5c. the chart is one tab stop: Tab in, arrows move, Enter opens, Tab leaves", async () => {
    const page = await browser.newPage();
    await openLabels(page);
    const focused = () => page.evaluate("document.activeElement?.getAttribute('aria-label') ?? ''") as Promise<string>;
    expect(await page.locator("[data-bars] [data-bar]:not([data-bar^='activity|'])[tabindex='0']").count()).toBe(1);
    await page.getByRole("list", { name: "Labels shown (toggle)" }).getByRole("button").last().focus();
    await page.keyboard.press("Tab");
    expect(await focused()).toMatch(/^All VIP messages, /); // the activity panel: its own stop
    await page.keyboard.press("Tab");
    expect(await focused()).toMatch(/^Frustrated, \d{4}-\d{2}-\d{2}: /);
    const first = await focused();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toMatch(/^Churn risk, /);
    expect(await focused()).not.toBe(first);
    const chosen = await focused();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: /^Churn risk: / });
    await dialog.waitFor();
    // Behind the open sheet nothing can be reached.
    const navLink = page.getByRole("link", { name: "VIP users" });
    expect(await navLink.evaluate((a) => a.closest("[inert]") !== null)).toBe(true);
    await navLink.evaluate((a) => (a as HTMLElement).focus());
    expect(await navLink.evaluate((a) => document.activeElement === a)).toBe(false);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await expect.poll(focused).toBe(chosen);
    await page.keyboard.press("Tab");
    expect(await focused()).not.toMatch(BAR_NAME);
  });

  it("9. one clock: a reader in Tokyo with a German browser sees each message on its bar's UTC date, in one locale", async () => {
    const page = await browser.newPage({ locale: "de-DE", timezoneId: "Asia/Tokyo" });
    await openLabels(page);
    // Numbers follow the reader's locale, as dates do: German digit grouping, not a mix.
    const totals = page.getByRole("table", { name: "Totals per label for the window" });
    await expect.poll(() => totals.textContent()).toMatch(/\d\.\d{3}/);
    // Dates in the same locale as the numbers: the window line reads the German way too.
    await page.getByText(/Window \d{2}\.\d{2}\.\d{4}, 00:00 – \d{2}\.\d{2}\.\d{4}, 00:00 UTC/).waitFor();
    // A busy day, so late-UTC messages (already the next day in Tokyo) are among them.
    const bars = page.getByRole("button", { name: /^Frustrated, \d{4}/ });
    const bar = bars.nth(10);
    const [, , , bucket] = BAR_NAME.exec((await bar.getAttribute("aria-label"))!)!;
    await bar.click();
    const dialog = page.getByRole("dialog", { name: new RegExp(`^Frustrated: ${bucket} 00:00 – `) });
    await dialog.waitFor();
    await loadEverything(dialog);
    const listed = (await readVirtualList(listOf(dialog))).items;
    const times = listed.map((m) => m.time);
    expect(times.length).toBe(await countOf(bar));
    expect(times.every((t) => t.startsWith(`${bucket} `) && t.endsWith(" UTC"))).toBe(true);
    // The reader's own clock is beside it, in their locale and zone.
    expect(listed.every((m) => m.text.includes("GMT+9 your time"))).toBe(true);
    const tokyo = listed.map((m) => m.text.slice(m.text.indexOf(" UTC") + 4, m.text.indexOf(" your time")));
    const nextDay = new Intl.DateTimeFormat("de-DE", { day: "numeric", month: "short", timeZone: "UTC" }).format(Date.parse(bucket!) + 86_400_000);
    expect(tokyo.some((t) => t.startsWith(nextDay))).toBe(true);
  });

  it("9b. a bar's messages file opens right in a spreadsheet: BOM, readable headers, UTC ISO times, formulas neutralized", async () => {
    const page = await browser.newPage();
    await openLabels(page, "?ws=ws_aurora&ch=ch_aurora_messenger&granularity=week");
    const bar = page.getByRole("button", { name: /^Bug report, week of \d{4}-\d{2}-\d{2}: / }).nth(2);
    await bar.click();
    const dialog = page.getByRole("dialog", { name: /^Bug report: / });
    await dialog.waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Export CSV" }).click()]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString("utf8"));
    expect(rows[0]).toEqual(["Sent (UTC)", "Conversation ID", "Player", "Kind", "Source", "AI labels", "Message"]);
    expect(rows.length - 1).toBe(await countOf(bar));
    expect(rows.slice(1).every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r[0]!))).toBe(true);
    const messages = rows.slice(1).map((r) => r[6]!);
    expect(messages).toContain(`'=HYPERLINK("x") is all the reward mail shows, no link to tap`);
    // Accents and other scripts survive the trip (UTF-8, announced by the BOM).
    expect(messages.some((m) => m.includes("stürzt") || m.includes("アップデート"))).toBe(true);
  });
});
