import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/**
 * Features playwright-core itself disables (its chromiumSwitches, at the version in
 * package-lock.json). Chromium reads one --disable-features switch, the last given, and ours
 * comes after Playwright's: so ours must repeat its list, and launchChromium checks at every
 * launch that nothing of it was dropped.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * Chromium 156's headless mode still renders the omnibox's popup (a WebUI of its own, a renderer
 * at chrome://omnibox-popup.top-chrome) for every tab, as pages load: on two cores it took a core
 * while the page under test loaded (500 ms of CPU against the page's own 330 ms; a birthdays
 * view's first row in 552–687 ms with it, 325–382 ms without). No window, no omnibox: nothing a
 * person sees. Names an older Chromium does not know are ignored.
 */
const HEADLESS_ONLY_OVERHEAD = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"];

/**
 * Debian's Chromium, driven by playwright-core (test tools cannot download browsers here).
 * These flags start it as root in a sandbox-less container without reaching for the network.
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  // What ChromeDriver passes; here it lets launchChromium read the command line Chromium used.
  "--enable-automation",
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...HEADLESS_ONLY_OVERHEAD].join(",")}`,
];

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/** Features a --disable-features switch names, for each such switch in a command line. */
export function disabledFeatureLists(args: readonly string[]): string[][] {
  return args.filter((arg) => arg.startsWith("--disable-features=")).map((arg) => arg.slice("--disable-features=".length).split(",").filter(Boolean));
}

/**
 * Launches the browser every test and bench uses, and fails loudly if a playwright-core upgrade
 * disables a feature our --disable-features (the one Chromium reads) does not name.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const cdp = await browser.newBrowserCDPSession();
  const { arguments: args } = await cdp.send("Browser.getBrowserCommandLine");
  await cdp.detach();
  const lists = disabledFeatureLists(args);
  const used = new Set(lists.at(-1) ?? []);
  const dropped = lists.slice(0, -1).flat().filter((feature) => !used.has(feature));
  if (dropped.length > 0) {
    await browser.close();
    throw new Error(`playwright-core now disables ${dropped.join(", ")}: add them to PLAYWRIGHT_DISABLED_FEATURES in test/e2e/chromium.ts`);
  }
  return browser;
}
