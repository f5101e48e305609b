import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, openBrowserForFile, snap } from "./browser";
import { startServerProcess, type ServerProcess } from "./server-process";

let server: ServerProcess;
const browser = openBrowserForFile();
const GATE = "ws=ws_aurora&ch=ch_aurora_messenger";
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** The small things a demanding manager notices, each checked where they would notice it. */
describeInBrowser("small things, fixed", () => {
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(() => server?.stop());

  it("Next page at the bottom of the users table brings the reader back to the new page's first row", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/users?${GATE}`);
    const rows = page.getByRole("table", { name: /VIP users/ }).locator("tbody tr:not(.skeleton-row)");
    await rows.first().waitFor();
    await page.getByRole("button", { name: "Next page" }).scrollIntoViewIfNeeded();
    expect((await rows.first().boundingBox())!.y).toBeLessThan(0);
    await page.getByRole("button", { name: "Next page" }).click();
    await page.getByText(/^Showing 51–100 of /).waitFor();
    const first = (await rows.first().boundingBox())!;
    expect(first.y).toBeGreaterThanOrEqual(0);
    expect(first.y).toBeLessThan(900);
  });

  it("the Export button keeps its place when 'Downloaded…' appears", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/users?${GATE}&month=3`);
    const button = page.getByRole("button", { name: "Export CSV" });
    await page.getByRole("table", { name: /VIP users/ }).locator("tbody tr:not(.skeleton-row)").first().waitFor();
    const before = (await button.boundingBox())!;
    await Promise.all([page.waitForEvent("download"), button.click()]);
    await page.getByText(/^Downloaded [\d,]+ rows as /).waitFor();
    expect(await button.boundingBox()).toEqual(before);
  });

  it("the Labels table keeps its first column in place while the rest scrolls, with a cue that there is more", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/labels?${GATE}&show=table`);
    const region = page.getByRole("region", { name: /scrolls sideways/ });
    await region.locator("tbody th").first().waitFor();
    const overflow = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeGreaterThan(0);
    // The cue: a shadow on the side with more, gone once scrolled to the end.
    expect(await region.getAttribute("data-more-right")).toBe("true");
    expect(await region.evaluate((el) => getComputedStyle(el).boxShadow)).toContain("inset");
    const firstCell = region.locator("tbody th").first();
    const x = (await firstCell.boundingBox())!.x;
    await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(async () => (await firstCell.boundingBox())!.x).toBe(x);
    await expect.poll(() => region.getAttribute("data-more-right")).toBeNull();
    expect(await region.getAttribute("data-more-left")).toBe("true");
    // The last columns are reachable: "All VIP messages" is on screen once scrolled.
    const last = region.getByRole("columnheader", { name: "All VIP messages" });
    const box = (await last.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1440);
    await snap(page, "labels-table");
  });

  it("on a phone the header is compact and the first label chart is within the first screens", async () => {
    const page = await browser.newPage(PHONE);
    await page.goto(`${server.url}/labels?${GATE}`);
    await page.getByRole("button", { name: /^Frustrated, / }).first().waitFor();
    expect((await page.locator(".app-header").boundingBox())!.height).toBeLessThan(180);
    expect(await page.getByText("How to read this").isVisible()).toBe(true);
    expect(await page.getByText(/^One small chart per label/).isVisible()).toBe(false);
    expect((await page.locator(".multiple--label").first().boundingBox())!.y).toBeLessThan(1_000);
    // The current view is in sight in the sideways-scrolling navigation.
    const current = (await page.getByRole("link", { name: "Labels" }).boundingBox())!;
    expect(current.x).toBeGreaterThanOrEqual(0);
    expect(current.x + current.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).toBe(0);
    // The last view too, which starts beyond the phone's width: the navigation scrolls to it.
    await page.goto(`${server.url}/access?${GATE}`);
    await page.locator(".grant-form").first().waitFor();
    const nav = page.getByRole("navigation", { name: /views/i });
    await expect.poll(() => nav.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const access = (await page.getByRole("link", { name: "Access" }).boundingBox())!;
    expect(access.x).toBeGreaterThanOrEqual(0);
    expect(access.x + access.width).toBeLessThanOrEqual(390);
  });
});
