import { expect, it } from "vitest";
import { describeInBrowser, openBrowserForFile } from "./browser";
import { CHROMIUM_ARGS, disabledFeatureLists } from "./chromium";

const browser = openBrowserForFile();

/** The browser every journey and bench runs in: what launchChromium promises about it. */
describeInBrowser("the tests' Chromium", () => {
  it("keeps every feature playwright-core disables, in the one --disable-features switch Chromium reads", async () => {
    const cdp = await browser.browser.newBrowserCDPSession();
    const { arguments: args } = await cdp.send("Browser.getBrowserCommandLine");
    const lists = disabledFeatureLists(args);
    // Playwright's own switch and ours: ours is the last, so the one Chromium reads.
    expect(lists.length).toBeGreaterThanOrEqual(2);
    expect(lists.at(-1)).toEqual(disabledFeatureLists(CHROMIUM_ARGS)[0]);
    expect(lists.at(-1)).toEqual(expect.arrayContaining(lists[0]!));
    await cdp.detach();
  });

  it("renders no omnibox popup beside the page (headless work nobody sees, which took a core)", async () => {
    const page = await browser.newPage();
    await page.goto("data:text/html,<title>a page</title><p>a page</p>");
    const cdp = await browser.browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send("Target.getTargets");
    expect(targetInfos.map((t) => t.url)).toContain("data:text/html,<title>a page</title><p>a page</p>");
    expect(targetInfos.filter((t) => t.url.startsWith("chrome://omnibox-popup"))).toEqual([]);
    await cdp.detach();
  });
});
