import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseCsv } from "../helpers/csv";
import { freePort } from "../helpers/identities";
import { describeInBrowser, openBrowserForFile, snap } from "./browser";
import { startServerProcess, type ServerProcess } from "./server-process";

let server: ServerProcess;
const browser = openBrowserForFile();
const MAIN = "ws=ws_aurora&ch=ch_aurora_messenger";

/** `npm run demo:sso` as a person meets it: the real sign-in flow through the local OpenID provider. */
describeInBrowser("managers' journeys: sign-in, roles and the audit log (npm run demo:sso)", () => {
  beforeAll(async () => {
    const [port, ssoPort] = [await freePort(), await freePort()];
    server = await startServerProcess({ PORT: String(port), SSO_PORT: String(ssoPort) }, "server/demo/demo-sso.ts");
  });
  afterAll(() => server?.stop());

  /** Opens `path` signed out, picks `account` on the provider's page, and lands back on `path`. */
  async function signIn(page: Page, account: string, path = `/users?${MAIN}`) {
    // Signed out, the server sends the browser straight to sign-in: the app never loads only
    // to be refused (no 401 in the console, which fails the test).
    const opened = await page.goto(`${server.url}${path}`);
    expect(new URL(opened!.url()).origin).not.toBe(server.url);
    await page.getByRole("heading", { name: "Demo identity provider" }).waitFor();
    await page.getByRole("button", { name: new RegExp(`^${account}`) }).click();
    await page.waitForURL((url) => url.origin === server.url && url.pathname === path.split("?")[0]);
  }

  it("7. an exporter signs in, lands on the view they asked for, exports, and signs out everywhere", async () => {
    const page = await browser.newPage();
    await signIn(page, "Eli Exporter");
    expect(page.url()).toBe(`${server.url}/users?${MAIN}`);
    await page.getByText("Eli Exporter").waitFor();
    const table = page.getByRole("table", { name: /VIP users/ });
    await table.locator("tbody tr:not(.skeleton-row)").first().waitFor();
    await snap(page, "signed-in");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    const rows = parseCsv(await readFile((await download.path())!, "utf8"));
    expect(rows.length).toBeGreaterThan(100);

    await page.getByRole("button", { name: "Sign out" }).click();
    // The provider is asked to end its session too (named by id_token_hint, so it asks nothing),
    // then sends the browser back to the dashboard, which (both sessions over) asks the provider
    // to sign in again.
    await page.getByRole("heading", { name: "Demo identity provider" }).waitFor();
    expect(await page.getByRole("button", { name: "Yes, sign me out" }).count()).toBe(0);
    await page.goto(`${server.url}/users?${MAIN}`);
    await page.getByRole("heading", { name: "Demo identity provider" }).waitFor();
  });

  it("7b. a session that ends mid-visit goes through sign-in and back to the same view", async () => {
    const page = await browser.newPage();
    await signIn(page, "Ana Analyst");
    const table = page.getByRole("table", { name: /VIP users/ });
    await table.locator("tbody tr:not(.skeleton-row)").first().waitFor();
    // Another tab signs out of the dashboard (not of the provider): this tab's session is over.
    const other = await page.context().newPage();
    await other.goto(`${server.url}/api/health`);
    await other.evaluate(async () => {
      await fetch("/auth/logout", { method: "POST", redirect: "manual" });
    });
    await other.close();
    // Mid-visit, the next call is refused (401) and the app sends the browser through sign-in.
    browser.allowFailedResponses([401]);
    await page.getByRole("button", { name: "Next page" }).click();
    // The refused call sends the browser through sign-in (the provider remembers Ana) and back.
    await page.waitForURL((url) => url.pathname === "/users" && url.searchParams.get("page") === "2", { timeout: 15_000 });
    await table.locator("tbody tr:not(.skeleton-row)").first().waitFor();
    await page.getByText(/^Showing 51–100 of /).waitFor();
    await page.getByText("Ana Analyst").waitFor();
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");
  });

  it("8. a viewer sees the labels and is told, where they look, what their role does not include", async () => {
    const page = await browser.newPage();
    await signIn(page, "Vera Viewer", "/");
    await page.waitForURL(/\/labels\?/);
    await page.locator("[data-bar]").first().waitFor();
    await page.getByRole("link", { name: "VIP users (locked: needs the analyst role)" }).click();
    await page.getByText("VIP players are not part of your role").waitFor();
    expect(await page.getByRole("link", { name: "Audit (locked: needs the admin role)" }).count()).toBe(1);
    await snap(page, "viewer-forbidden");
  });

  it("9. a newcomer with no grant sees whom to ask", async () => {
    const page = await browser.newPage();
    await signIn(page, "Noah Newcomer");
    await page.getByRole("heading", { name: "You don't have access yet" }).waitFor();
    expect(await page.getByText(/Ask Ada Admin \(ada\.admin@studio\.demo\) to grant you a role/).count()).toBe(1);
  });

  it("10. an admin finds the exporter's export and download in the audit log", async () => {
    const page = await browser.newPage();
    await signIn(page, "Ada Admin");
    await page.getByRole("link", { name: "Audit" }).click();
    const table = page.getByRole("table", { name: "Audit log, newest first" });
    await table.waitFor();
    // Applied once typing pauses, like the other filters (no Apply button).
    await page.getByRole("searchbox", { name: "Person" }).fill("eli.exporter");
    await page.waitForURL(/person=eli\.exporter/);
    const rowFor = (action: string) => table.locator("tbody tr", { hasText: action });
    await rowFor("Created an export").first().waitFor();
    expect(await rowFor("Downloaded an export").count()).toBeGreaterThan(0);
    expect(await rowFor("Signed in").count()).toBeGreaterThan(0);
    expect(await rowFor("Signed out").count()).toBeGreaterThan(0);
    expect(await table.locator("tbody tr", { hasText: "complete" }).count()).toBe(0); // details say "bytes", never a cut
    await snap(page, "audit");
  });
});
