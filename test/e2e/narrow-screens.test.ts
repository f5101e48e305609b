import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, openBrowserForFile, snap } from "./browser";
import { startServerProcess, type ServerProcess } from "./server-process";

let server: ServerProcess;
const browser = openBrowserForFile();
const GATE = "ws=ws_aurora&ch=ch_aurora_messenger";
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** The page is never wider than the screen: nothing makes it scroll sideways. */
const overflow = (page: Page) => page.evaluate("document.documentElement.scrollWidth - window.innerWidth") as Promise<number>;

/** Is the element wholly on screen (within the layout viewport)? */
async function onScreen(page: Page, selector: string) {
  const box = (await page.locator(selector).first().boundingBox())!;
  const { width, height } = page.viewportSize()!;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height;
}

describeInBrowser("narrow screens: a phone, a tablet, a small laptop", () => {
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(() => server?.stop());

  it("on a phone, tapping a bar opens a full-screen sheet whose Close is on screen and works", async () => {
    const page = await browser.newPage(PHONE);
    await page.goto(`${server.url}/labels?${GATE}`);
    const bar = page.getByRole("button", { name: /^Frustrated, \d{4}-\d{2}-\d{2}: / }).nth(8);
    await bar.waitFor();
    expect(await overflow(page)).toBe(0);
    await snap(page, "phone-labels");
    // A finger has no hover: the first tap reads the bar beside it, its button opens the messages.
    await bar.tap();
    const readout = page.getByRole("tooltip");
    await readout.getByRole("button", { name: /^Read the [\d,]+ messages?$/ }).waitFor();
    expect(await readout.textContent()).toContain("Frustrated");
    expect(await onScreen(page, ".bar-readout")).toBe(true);
    await snap(page, "phone-readout");
    expect(await overflow(page)).toBe(0);
    await readout.getByRole("button", { name: /^Read the / }).tap();
    const dialog = page.getByRole("dialog", { name: /^Frustrated: / });
    await dialog.getByRole("listitem").first().waitFor();
    expect(await onScreen(page, ".dialog")).toBe(true);
    expect(await onScreen(page, ".dialog button:has-text('Close')")).toBe(true);
    expect(await overflow(page)).toBe(0);
    await snap(page, "phone-drill-down");
    await dialog.getByRole("button", { name: "Close" }).tap();
    await dialog.waitFor({ state: "detached" });
    expect(await overflow(page)).toBe(0);
  });

  it("on a phone, a tapped stack segment leaves no tooltip widening the page", async () => {
    const page = await browser.newPage(PHONE);
    await page.goto(`${server.url}/labels?${GATE}&show=stack&granularity=week`);
    const segment = page.getByRole("button", { name: /^Praise, week of / }).nth(2);
    await segment.tap();
    const dialog = page.getByRole("dialog", { name: /^Praise: / });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Close" }).tap();
    await dialog.waitFor({ state: "detached" });
    expect(await overflow(page)).toBe(0);
    expect(await page.locator(".recharts-tooltip-wrapper").evaluateAll((els) => els.every((e) => getComputedStyle(e).display === "none"))).toBe(true);
  });

  it("on a phone, each VIP player is a card with birthday and last activity readable", async () => {
    const page = await browser.newPage(PHONE);
    await page.goto(`${server.url}/users?${GATE}`);
    const cards = page.getByRole("list", { name: /^VIP users/ }).getByRole("listitem");
    await cards.first().waitFor();
    expect(await cards.count()).toBe(50);
    const first = cards.first();
    for (const fact of ["Birthday", "Last purchase", "Last message", "Last app open"]) {
      expect(await first.getByText(fact, { exact: true }).isVisible()).toBe(true);
    }
    expect(await overflow(page)).toBe(0);
    await snap(page, "phone-users");
  });

  for (const size of [
    { width: 768, height: 1024, touch: true },
    { width: 1024, height: 768, touch: false },
  ]) {
    it(`at ${size.width}×${size.height} no view scrolls sideways`, async () => {
      const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, hasTouch: size.touch });
      const wider: Record<string, number> = {};
      for (const [path, ready] of [
        [`/users?${GATE}`, "table, .user-cards"],
        [`/birthdays?${GATE}&range=14`, ".birthday-person"],
        [`/messages?${GATE}`, ".virtual-messages li"],
        [`/labels?${GATE}`, "[data-bar]"],
        [`/labels?${GATE}&show=stack`, "[data-bar]"],
        [`/labels?${GATE}&show=table`, "table"],
        [`/audit?${GATE}`, "table"],
        [`/access?${GATE}`, ".grant-form"],
        [`/notifications?${GATE}`, ".notify-form"],
      ] as const) {
        await page.goto(`${server.url}${path}`);
        await page.locator(ready).first().waitFor();
        const extra = await overflow(page);
        if (extra !== 0) wider[path] = extra;
      }
      expect(wider).toEqual({});
    });
  }
});
