import { afterAll, beforeAll, expect, it } from "vitest";
import { describeInBrowser, openBrowserForFile, snap } from "./browser";
import { startServerProcess, type ServerProcess } from "./server-process";

let server: ServerProcess;
const browser = openBrowserForFile();
const GATE = "ws=ws_aurora&ch=ch_aurora_messenger";

describeInBrowser("managers' journeys: digests and alerts", () => {
  beforeAll(async () => {
    // No SMTP_URL: e-mail lands in the built-in outbox the view shows. Quick rounds for Send now.
    server = await startServerProcess({ NOTIFY_TICK_SECONDS: "0.5" });
  });
  afterAll(() => server?.stop());

  it("15. from Birthdays to a daily digest with names: preview, create, send now, delivered, read in the outbox, edit, pause, delete", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/birthdays?${GATE}`);
    await page.getByRole("link", { name: "Get this every morning" }).click();
    await page.getByRole("heading", { name: "New digest" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/notifications");

    await page.getByLabel("Name", { exact: true }).fill("Morning birthdays");
    await page.getByLabel("E-mail address").fill("cm@studio.test");
    await page.getByLabel("Time zone").selectOption("Europe/Berlin");
    await page.getByLabel("Birthdays: today and the next").fill("7");
    await page.getByRole("checkbox", { name: "Include players' names and birthdays" }).check();
    await page.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByRole("region", { name: "Preview" });
    await preview.getByRole("heading", { name: /^Morning birthdays: / }).waitFor();
    await preview.getByRole("heading", { name: /^Birthdays today and the next 7 days/ }).waitFor();

    await page.getByRole("button", { name: "Create digest" }).click();
    await page.getByText("Saved: it is in the list below.").waitFor();
    const row = page.getByRole("region", { name: "Subscriptions" }).getByRole("row", { name: /Morning birthdays/ });
    await expect.poll(() => row.textContent()).toMatch(/Daily at 09:00 \(Europe\/Berlin\).*with names.*c…@studio\.test.*Active/);

    await page.getByRole("button", { name: "Send Morning birthdays now" }).click();
    const delivery = page.getByRole("region", { name: "Deliveries" }).getByRole("row", { name: /Morning birthdays/ });
    await expect.poll(() => delivery.textContent(), { timeout: 15_000 }).toMatch(/Sent on request.*Sent.*with names \(audited\)1/);
    const mail = page.locator(".outbox li").filter({ hasText: "Morning birthdays" });
    await mail.waitFor({ timeout: 15_000 });
    // The list, its delivery and the outbox in one picture (below the sticky header).
    await page.evaluate(() => {
      const heading = [...document.querySelectorAll("h2")].find((h) => h.textContent === "Your digests and alerts");
      if (heading) window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 130);
    });
    await snap(page, "notifications");
    await mail.locator("summary").click();
    await expect.poll(() => mail.locator("pre").textContent()).toMatch(/Birthdays today and the next 7 days \(\d+\)/);

    await page.getByRole("button", { name: "Edit Morning birthdays" }).click();
    const edit = page.getByRole("form", { name: "Edit Morning birthdays" });
    await edit.getByLabel("At", { exact: true }).fill("07:30");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => row.textContent()).toMatch(/Daily at 07:30 \(Europe\/Berlin\)/);
    await page.getByRole("button", { name: "Pause Morning birthdays" }).click();
    await expect.poll(() => row.textContent()).toMatch(/Paused/);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Delete Morning birthdays" }).click();
    await page.getByText("No digests or alerts yet.").waitFor();
  });

  it("16. from Labels to an alert form; a refused destination is explained and nothing is saved", async () => {
    browser.allowFailedResponses([400]);
    const page = await browser.newPage();
    await page.goto(`${server.url}/labels?${GATE}`);
    await page.getByRole("link", { name: "Alert me when a label spikes" }).click();
    await page.getByRole("heading", { name: "New alert" }).waitFor();
    expect(new URL(page.url()).searchParams.get("new")).toBe("alert");
    await page.getByLabel("Send to").selectOption("webhook");
    await page.getByLabel(/Webhook URL/).fill("https://collector.example.test/hook");
    await page.getByRole("button", { name: "Create alert" }).click();
    await page.getByRole("alert").getByText(/Notifications may only be sent to hooks\.slack\.com, discord\.com, discordapp\.com/).waitFor();
    await page.getByText("No digests or alerts yet.").waitFor();
  });
});
