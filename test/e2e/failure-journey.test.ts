import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../server/simulator/index";
import { describeInBrowser, snap, openBrowserForFile } from "./browser";
import { startServerProcess, type ServerProcess } from "./server-process";

let simulator: Simulator;
let server: ServerProcess;
const browser = openBrowserForFile();

/** The header and navigation still render: a failure never blanks the page. */
async function pageStillStands(page: Page) {
  expect(await page.getByRole("link", { name: "VIP users" }).isVisible()).toBe(true);
  expect(await page.getByRole("link", { name: "Labels" }).isVisible()).toBe(true);
  expect(await page.getByRole("combobox", { name: "Workspace" }).isEnabled()).toBe(true);
}

describeInBrowser("managers' journeys: the upstream fails", () => {
  beforeAll(async () => {
    // The real server against a simulator this test controls (faults on demand), exactly as
    // it would run against the real API. Short deadlines keep the hang quick to observe.
    simulator = await startSimulator({ warm: true });
    server = await startServerProcess({
      DYNAMO_API_URL: simulator.url,
      DYNAMO_API_KEY: simulator.apiKey,
      DYNAMO_API_SECRET: simulator.apiSecret,
      DYNAMO_STORAGE_HOSTS: simulator.host,
      NOTIFY_ENCRYPTION_KEY: "bm90aWZ5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=",
      UPSTREAM_DEADLINE_MS: "3000",
      UPSTREAM_ATTEMPT_TIMEOUT_MS: "1000",
    });
  });
  afterAll(async () => {
    await server?.stop();
    await simulator?.close();
  });
  afterEach(() => simulator.faults.clear());

  it("6a. upstream 500s: the message and a Retry that works once the fault clears", async () => {
    browser.allowFailedResponses([502]);
    simulator.faults.add({ status: 500, pathPrefix: "/vip-users" });
    const page = await browser.newPage();
    await page.goto(`${server.url}/users`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("The Dynamo API failed (HTTP 500: Simulated failure (HTTP 500))");
    await pageStillStands(page);
    await snap(page, "error-retry");

    simulator.faults.clear();
    await alert.getByRole("button", { name: "Retry" }).click();
    await page.getByRole("table", { name: /VIP users/ }).locator("tbody tr:not(.skeleton-row)").first().waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
  });

  it("6b. a hanging upstream: a timeout message within the deadline, and Retry recovers", async () => {
    browser.allowFailedResponses([504]);
    simulator.faults.add({ hang: true, pathPrefix: "/vip-labels" });
    const page = await browser.newPage();
    const started = Date.now();
    await page.goto(`${server.url}/labels`);
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(await alert.textContent()).toContain("The Dynamo API did not answer within 3 s");
    await pageStillStands(page);
    expect(await page.getByRole("radio", { name: "Week" }).isEnabled()).toBe(true);

    simulator.faults.clear();
    await alert.getByRole("button", { name: "Retry" }).click();
    await page.getByRole("button", { name: /^Frustrated, / }).first().waitFor();
  });

  it("6c. a long trend with one failing window: the others are drawn, that one is named with its own Retry, and only it is asked again", async () => {
    browser.allowFailedResponses([502]);
    const now = new Date();
    const failing = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1));
    const failingFrom = `from=${failing.toISOString()}`;
    const monthName = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(failing);
    simulator.faults.add({ status: 500, pathPrefix: "/vip-labels/overview", searchIncludes: failingFrom });
    const page = await browser.newPage();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 6, 1)).toISOString().slice(0, 10);
    await page.goto(`${server.url}/labels?granularity=month&from=${from}&to=${now.toISOString().slice(0, 10)}`);
    const alert = page.getByRole("alert").filter({ hasText: monthName });
    await alert.waitFor({ timeout: 20_000 });
    await pageStillStands(page);
    // The other months are drawn; the failed one is "loading", never a zero bar.
    await page.getByRole("button", { name: `Frustrated, ${monthName}: loading` }).waitFor();
    // (Windows after the failed one may still be on their way when its alert shows.)
    await expect.poll(() => page.getByRole("button", { name: /^Frustrated, \w+ \d{4}(?: \([^)]+\))?: [\d,]+ messages?/ }).count(), { timeout: 20_000 }).toBe(6);

    simulator.faults.clear();
    const before = simulator.requests.length;
    await alert.getByRole("button", { name: "Retry" }).click();
    await page.getByRole("button", { name: new RegExp(`^Frustrated, ${monthName}: [\\d,]+ messages`) }).waitFor();
    // Windows further back (the dotted comparison) may still be on their first fetch when Retry is
    // clicked: those are new asks, not repeats. What must not happen is a window asked again.
    const overviews = (requests: typeof simulator.requests) => requests.filter((r) => r.path === "/vip-labels/overview");
    const askedBefore = new Set(overviews(simulator.requests.slice(0, before)).map((r) => r.query));
    const asked = overviews(simulator.requests.slice(before));
    expect(asked.filter((r) => r.query.includes(failingFrom))).toHaveLength(1);
    expect(asked.filter((r) => !r.query.includes(failingFrom) && askedBefore.has(r.query)).map((r) => r.query)).toEqual([]);
    expect(await page.getByRole("alert").count()).toBe(0);
  });
});
