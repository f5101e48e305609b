import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort } from "../helpers/identities";
import { describeInBrowser, openBrowserForFile, snap } from "./browser";
import { startServerProcess, type ServerProcess } from "./server-process";

let server: ServerProcess;
const browser = openBrowserForFile();
const MAIN = "ws=ws_aurora&ch=ch_aurora_messenger";

/** The team runs its own access, in `npm run demo:sso`: asking, granting, revoking, declining. */
describeInBrowser("managers' journeys: the team runs its own access (npm run demo:sso)", () => {
  beforeAll(async () => {
    const [port, ssoPort] = [await freePort(), await freePort()];
    server = await startServerProcess({ PORT: String(port), SSO_PORT: String(ssoPort) }, "server/demo/demo-sso.ts");
  });
  afterAll(() => server?.stop());

  async function signIn(page: Page, account: string, path = `/users?${MAIN}`) {
    await page.goto(`${server.url}${path}`);
    await page.getByRole("heading", { name: "Demo identity provider" }).waitFor();
    await page.getByRole("button", { name: new RegExp(`^${account}`) }).click();
    await page.waitForURL((url) => url.origin === server.url);
  }

  async function openAccess(page: Page) {
    await page.getByRole("link", { name: "Access" }).click();
    await page.getByRole("heading", { name: "Access", level: 1 }).waitFor();
    await page.getByRole("table").waitFor();
  }

  it("21a. a newcomer asks for access with a note; the admin grants viewer; the newcomer's next visit says so and shows the labels", async () => {
    const noah = await browser.newPage();
    await signIn(noah, "Noah Newcomer");
    await noah.getByRole("heading", { name: "You don't have access yet" }).waitFor();
    await noah.getByRole("button", { name: "Ask for access" }).click();
    await noah.getByLabel("Note for the admins (optional)").fill("New community manager for Aurora's EU servers");
    await snap(noah, "access-ask");
    await noah.getByRole("button", { name: "Send request" }).click();
    await noah.getByRole("status").filter({ hasText: /^You asked for access on / }).waitFor();

    const ada = await browser.newPage();
    await signIn(ada, "Ada Admin");
    await openAccess(ada);
    const request = ada.getByRole("listitem").filter({ hasText: "noah.newcomer@studio.demo" });
    await request.getByText("New community manager for Aurora's EU servers").waitFor();
    // Least privilege: what was asked (viewer) is chosen; the workspace is Ada's pick.
    expect(await request.getByRole("radio", { name: /^viewer/ }).isChecked()).toBe(true);
    await request.getByLabel("Workspace").selectOption({ label: "Aurora Games" });
    await snap(ada, "access-view");
    await request.getByRole("button", { name: "Grant viewer" }).click();
    await ada.getByRole("status").filter({ hasText: "noah.newcomer@studio.demo is now a viewer in Aurora Games." }).waitFor();
    const table = ada.getByRole("table");
    await table.getByRole("row", { name: /noah\.newcomer@studio\.demo Aurora Games viewer/ }).waitFor();

    // Noah's next visit: the answer, and the labels of Aurora.
    await noah.reload();
    await noah.getByRole("status").filter({ hasText: /Your request for access was granted/ }).waitFor();
    await noah.getByRole("link", { name: "Labels" }).click();
    await noah.locator("[data-bar]").first().waitFor();
    await noah.getByRole("button", { name: "Dismiss" }).click();
    await noah.getByRole("status").filter({ hasText: /was granted/ }).waitFor({ state: "detached" });
  });

  it("21b. the admin raises a viewer to analyst (open sessions see it at the next request), confirms exporter, and revokes", async () => {
    const vera = await browser.newPage();
    await signIn(vera, "Vera Viewer", `/users?${MAIN}`);
    await vera.getByText("VIP players are not part of your role").waitFor();

    const ada = await browser.newPage();
    await signIn(ada, "Ada Admin");
    await openAccess(ada);
    // The policy file's grants are read-only here: no role to change, no Revoke.
    const fromFile = ada.getByRole("row", { name: /vera\.viewer@aurora\.demo Aurora Games viewer the policy file/ });
    await fromFile.waitFor();
    expect(await fromFile.getByRole("combobox").count()).toBe(0);
    expect(await fromFile.getByRole("button").count()).toBe(0);

    const form = ada.getByRole("form", { name: "Grant access" });
    await form.getByLabel("E-mail address (as they sign in)").fill("vera.viewer@aurora.demo");
    await form.getByLabel("Where").selectOption({ label: "Aurora Games" });
    await form.getByRole("radio", { name: /^analyst/ }).check();
    await form.getByRole("button", { name: "Grant analyst" }).click();
    await ada.getByRole("status").filter({ hasText: "vera.viewer@aurora.demo is now an analyst in Aurora Games." }).waitFor();

    // Vera's open session: the next request has analyst (the higher of the file's and the page's).
    await vera.reload();
    await vera.getByRole("table", { name: /VIP users/ }).locator("tbody tr:not(.skeleton-row)").first().waitFor();

    // Exporter lets personal data leave the dashboard: asked first.
    const row = ada.getByRole("row", { name: /vera\.viewer@aurora\.demo Aurora Games analyst/ }).filter({ has: ada.getByRole("combobox") });
    await row.getByRole("combobox").selectOption("exporter");
    const confirm = ada.getByRole("group", { name: "Confirm exporter for vera.viewer@aurora.demo" });
    await confirm.getByText(/personal data: it leaves the dashboard/).waitFor();
    await snap(ada, "access-confirm-exporter");
    await confirm.getByRole("button", { name: "Yes, make them exporter" }).click();
    await ada.getByRole("status").filter({ hasText: "vera.viewer@aurora.demo is now an exporter in Aurora Games." }).waitFor();
    await vera.reload();
    await vera.getByRole("button", { name: "Export CSV" }).waitFor();

    await ada.getByRole("button", { name: "Revoke vera.viewer@aurora.demo in Aurora Games" }).click();
    await ada.getByRole("button", { name: "Revoke vera.viewer@aurora.demo", exact: true }).click();
    await ada.getByRole("status").filter({ hasText: "vera.viewer@aurora.demo no longer has the exporter role in Aurora Games." }).waitFor();
    // Back to the file's viewer at her next request.
    await vera.reload();
    await vera.getByText("VIP players are not part of your role").waitFor();
  });

  it("21c. a viewer asks for analyst where the page refuses; the admin declines; the viewer's next visit says so", async () => {
    const vera = await browser.newPage();
    await signIn(vera, "Vera Viewer", `/birthdays?${MAIN}`);
    await vera.getByText("Players' birthdays are not part of your role").waitFor();
    await vera.getByRole("button", { name: "Ask for access" }).click();
    await vera.getByText("Asks for the analyst role in this workspace.").waitFor();
    await vera.getByRole("button", { name: "Send request" }).click();
    await vera.getByRole("status").filter({ hasText: /^You asked for the analyst role on / }).waitFor();

    const ada = await browser.newPage();
    await signIn(ada, "Ada Admin");
    await openAccess(ada);
    const request = ada.getByRole("listitem").filter({ hasText: "vera.viewer@aurora.demo" }).filter({ hasText: "asked for the analyst role in Aurora Games" });
    await request.getByRole("button", { name: "Decline" }).click();
    await ada.getByRole("status").filter({ hasText: "Declined vera.viewer@aurora.demo's request." }).waitFor();

    await vera.reload();
    await vera.getByRole("status").filter({ hasText: /Your request for the analyst role in Aurora Games was declined/ }).waitFor();

    // Every change is in the audit log.
    await ada.getByRole("link", { name: "Audit" }).click();
    const audit = ada.getByRole("table", { name: "Audit log, newest first" });
    await audit.waitFor();
    const actions = ["Granted access", "Changed someone's role", "Revoked access", "Asked for access", "Answered a request for access"];
    const missing: string[] = [];
    for (const action of actions) if ((await audit.locator("tbody tr", { hasText: action }).count()) === 0) missing.push(action);
    expect(missing).toEqual([]);
  });
});
