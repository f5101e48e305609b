import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseCsv } from "../helpers/csv";
import { describeInBrowser, snap, openBrowserForFile } from "./browser";
import { startServerProcess, type ServerProcess } from "./server-process";

let server: ServerProcess;
const browser = openBrowserForFile();

describeInBrowser("managers' journeys: VIP users", () => {
  beforeAll(async () => {
    server = await startServerProcess(); // demo mode: no configuration at all
  });
  afterAll(() => server?.stop());

  const usersTable = (page: Page) => page.getByRole("table", { name: /VIP users/ });
  const dataRows = (page: Page) => usersTable(page).locator("tbody tr:not(.skeleton-row)");
  const summary = (page: Page) => page.getByText(/^Showing [\d,]+–[\d,]+ of /);
  const totalOf = async (page: Page) => (await summary(page).textContent())!.replace(/^.* of /, "");
  const birthdays = (page: Page) => dataRows(page).locator("td:nth-child(4)").allTextContents();

  it("1. opens with no configuration on VIP users, switches workspaces, explains the non-VIP one", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await dataRows(page).first().waitFor();
    expect(await dataRows(page).count()).toBe(50);
    expect(page.url()).toContain("/users?ws=ws_aurora&ch=ch_aurora_messenger");
    await expect.poll(() => totalOf(page)).toBe("5,200");
    await snap(page, "users");

    const workspace = page.getByRole("combobox", { name: "Workspace" });
    await workspace.selectOption({ label: "Skyforge Studios" });
    await expect.poll(() => totalOf(page)).toBe("at least 10,000");
    expect(await page.getByRole("combobox", { name: "Channel" }).inputValue()).toBe("ch_skyforge_app");
    await workspace.selectOption({ label: "Aurora Games" });
    await expect.poll(() => totalOf(page)).toBe("5,200");

    const nonVip = page.getByRole("option", { name: "Pixel Harbor (not a VIP workspace)" });
    expect(await nonVip.isDisabled()).toBe(true);

    // A shared link to the non-VIP workspace: the API refuses (403), and the page says why.
    browser.allowFailedResponses([403]);
    await page.goto(`${server.url}/users?ws=ws_pixel&ch=ch_pixel_messenger`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("is not a VIP workspace");
    expect(await page.getByRole("note").textContent()).toContain("Pixel Harbor is not a VIP workspace");
    await snap(page, "users-not-vip");
  });

  it("2. filters June birthdays, pages, changes page size, and a reload keeps the view", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/users`);
    await dataRows(page).first().waitFor();
    await page.getByRole("combobox", { name: "Birthday month" }).selectOption({ label: "June" });
    await page.waitForURL(/month=6/);
    await expect.poll(async () => (await birthdays(page)).every((b) => b.startsWith("June "))).toBe(true);
    await page.getByRole("checkbox", { name: "Has birthday" }).check();
    await page.waitForURL(/birthday=known/);

    const shown = Number((await totalOf(page)).replace(/,/g, ""));
    const upstream = await page.evaluate(async () => {
      const res = await fetch("/api/vip-users?workspaceId=ws_aurora&mediumId=ch_aurora_messenger&birthdayMonth=6&hasBirthday=true&limit=1");
      return ((await res.json()) as { total: number }).total;
    });
    expect(shown).toBe(upstream);

    await page.getByRole("combobox", { name: "Rows per page" }).selectOption("25");
    await page.waitForURL(/size=25/);
    await page.getByRole("button", { name: "Next page" }).click();
    await page.waitForURL(/page=2/);
    await expect.poll(() => summary(page).textContent()).toBe(`Showing 26–50 of ${shown.toLocaleString("en-US")}`);
    // Rows by their players' ids: relative times ("44 minutes ago") may tick over meanwhile.
    const idsOf = async () => (await dataRows(page).allTextContents()).map((row) => /cu_[a-z0-9]+/.exec(row)?.[0] ?? row);
    const secondPage = await idsOf();

    await page.reload();
    await expect.poll(() => summary(page).textContent()).toBe(`Showing 26–50 of ${shown.toLocaleString("en-US")}`);
    expect(await idsOf()).toEqual(secondPage);
    expect(await page.getByRole("combobox", { name: "Birthday month" }).inputValue()).toBe("6");
    expect(await page.getByRole("checkbox", { name: "Has birthday" }).isChecked()).toBe(true);
    expect(await page.getByRole("combobox", { name: "Rows per page" }).inputValue()).toBe("25");

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("page=2"));
    await expect.poll(() => summary(page).textContent()).toBe(`Showing 1–25 of ${shown.toLocaleString("en-US")}`);
  });

  it("2b. Go to page lands on that page's offset, and the page numbers follow", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/users?ws=ws_aurora&ch=ch_aurora_messenger`);
    await dataRows(page).first().waitFor();
    await page.getByRole("spinbutton", { name: "Go to page" }).fill("37");
    await page.keyboard.press("Enter");
    await page.waitForURL(/page=37/);
    await page.getByText(/^Showing 1,801–1,850 of /).waitFor();
    // The same rows the API gives at that offset, in the same order.
    const api = (await (await fetch(`${server.url}/api/vip-users?workspaceId=ws_aurora&mediumId=ch_aurora_messenger&limit=50&offset=1800`)).json()) as {
      items: { conversationId: string; userName: string }[];
    };
    const shown = await dataRows(page).locator("td:first-child .player > span:last-child").allTextContents();
    expect(shown).toEqual(api.items.map((u) => u.userName || "–none"));
    expect(await page.getByRole("button", { name: "Page 37" }).getAttribute("aria-current")).toBe("page");
  });

  it("3. exports the filtered list: a meaningfully named file with as many rows as the total", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/users?month=12`);
    await dataRows(page).first().waitFor();
    const total = Number((await totalOf(page)).replace(/,/g, ""));
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^vip-users-ws_aurora-ch_aurora_messenger-birthday-month-12-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parseCsv(await readFile((await download.path())!, "utf8"));
    expect(rows[0]!.slice(0, 2)).toEqual(["\uFEFFConversation ID", "Player"]); // with the BOM a spreadsheet needs
    expect(rows.length - 1).toBe(total);
    // A birthday is its day ("12-24", shown as written) and its year (empty when not known): no apostrophes.
    expect(rows.slice(1).every((r) => /^12-\d{2}$/.test(r[6]!) && /^(\d{4})?$/.test(r[7]!))).toBe(true);
    await page.getByText(/^Downloaded [\d,]+ rows as vip-users-/).waitFor();
  });

  it("3b. a link naming a workspace that is not shared says so and offers the nearest view", async () => {
    // The link's ids are asked for alongside the lists that tell whether they exist: one 404.
    browser.allowFailedResponses([404]);
    const page = await browser.newPage();
    await page.goto(`${server.url}/users?ws=ws_nope&ch=ch_nope&month=6`);
    await page.getByRole("heading", { name: "This link names a workspace you can't see or that doesn't exist" }).waitFor();
    expect(await page.getByRole("table").count()).toBe(0);
    await page.getByRole("link", { name: /^Open Aurora Games · .+ instead$/ }).click();
    await page.waitForURL(/ws=ws_aurora/);
    expect(new URL(page.url()).searchParams.get("month")).toBe("6");
    await page.getByRole("table", { name: /VIP users/ }).getByRole("row").nth(1).waitFor();
  });
});
