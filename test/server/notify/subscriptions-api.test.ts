import { afterAll, describe, expect, it } from "vitest";
import type { DeliveriesPage, Subscription, SubscriptionCreated } from "#contract/notifications";
import type { ValidationErrorBody } from "#contract/responses";
import { startHttpReceiver } from "../../helpers/notify-receivers";
import { proxyStackForFile } from "../../helpers/proxy-stack";

// The receiver's port is known before the dashboard starts, so it can be the one listed host.
const receiver = await startHttpReceiver();
afterAll(() => receiver.close());
const METRICS_TOKEN = "metrics-token-for-notify-tests";
const env = proxyStackForFile({ env: { NOTIFY_WEBHOOK_HOSTS: `hooks.slack.com,${receiver.host}`, NOTIFY_TICK_SECONDS: "0.2", METRICS_TOKEN } });

const SCOPE = { workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger" };
const DIGEST = { kind: "digest", ...SCOPE, schedule: { every: "day", at: "09:00", timeZone: "Europe/Berlin" }, sections: ["birthdays"], birthdayDays: 7 };

async function send(who: string, method: string, path: string, body?: unknown) {
  const headers = { ...(await env.as(who)), origin: env.stack.dashboard.url, "sec-fetch-site": "same-origin", ...(body === undefined ? {} : { "content-type": "application/json" }) };
  const res = await env.stack.api(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as unknown, text };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("/api/subscriptions", () => {
  it("refuses bad input with the documented 400, naming each field", async () => {
    const bad = await send("analyst@studio.test", "POST", "/api/subscriptions", { ...DIGEST, schedule: { every: "week", at: "25:00", timeZone: "Mars/Olympus" }, destination: { type: "email", to: "two@a.test, three@b.test" } });
    expect(bad.status).toBe(400);
    const paths = (bad.body as ValidationErrorBody).error.map((e) => e.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["schedule.at", "schedule.timeZone", "destination.to"]));
  });

  it("refuses a destination host that is not listed, before anything is saved or sent", async () => {
    const before = receiver.posts.length;
    const refused = await send("admin@studio.test", "POST", "/api/subscriptions", { ...DIGEST, destination: { type: "webhook", url: "https://collector.evil.test/hook" } });
    expect(refused.status).toBe(400);
    expect((refused.body as ValidationErrorBody).error[0]).toMatchObject({ path: ["destination", "url"], type: "destination.refused" });
    expect(((await send("admin@studio.test", "GET", "/api/subscriptions")).body as { items: unknown[] }).items).toHaveLength(0);
    expect(receiver.posts.length).toBe(before);
  });

  it("a viewer cannot create a digest with names; an analyst can, to their own address only", async () => {
    const viewer = await send("viewer@studio.test", "POST", "/api/subscriptions", { ...DIGEST, personalData: true, destination: { type: "email", to: "viewer@studio.test" } });
    expect(viewer.status).toBe(403);
    expect((viewer.body as { message: string }).message).toMatch(/You need the analyst role/);
    const counts = await send("viewer@studio.test", "POST", "/api/subscriptions", { ...DIGEST, destination: { type: "email", to: "viewer@studio.test" } });
    expect(counts.status).toBe(201);
    const elsewhere = await send("analyst@studio.test", "POST", "/api/subscriptions", { ...DIGEST, personalData: true, destination: { type: "email", to: "team@studio.test" } });
    expect(elsewhere.status).toBe(403);
    expect((elsewhere.body as { message: string }).message).toMatch(/only when an admin of this workspace sets it up/);
    const own = await send("analyst@studio.test", "POST", "/api/subscriptions", { ...DIGEST, personalData: true, destination: { type: "email", to: "analyst@studio.test" } });
    expect(own.status).toBe(201);
  });

  it("a webhook's URL and secret never come back; Send now delivers one signed post; pause, resume and delete", async () => {
    const created = await send("admin@studio.test", "POST", "/api/subscriptions", { ...DIGEST, name: "Team hook", team: true, whenEmpty: "send", destination: { type: "webhook", url: receiver.url("/team-hook-secret-path") } });
    expect(created.status).toBe(201);
    const { subscription, signingSecret } = created.body as SubscriptionCreated;
    expect(signingSecret).toMatch(/^whsec_/);
    expect(subscription.destination).toEqual({ type: "webhook", masked: `${receiver.host}/…path` });
    expect(subscription.nextDueAt).toMatch(/T0[78]:00:00\.000Z$/); // 09:00 in Berlin
    const listed = await send("admin@studio.test", "GET", "/api/subscriptions");
    expect(listed.text).not.toContain("team-hook-secret-path");
    expect(listed.text).not.toContain(signingSecret!);

    const before = receiver.posts.length;
    const queued = await send("admin@studio.test", "POST", `/api/subscriptions/${subscription.id}/send`);
    expect(queued.status).toBe(202);
    const page = await until(
      async () => (await send("admin@studio.test", "GET", `/api/deliveries?subscription=${subscription.id}`)).body as DeliveriesPage,
      (p) => p.items[0]?.status === "sent",
    );
    expect(page.items[0]).toMatchObject({ attempts: 1, destination: { type: "webhook" }, lastError: null });
    expect(receiver.posts.length).toBe(before + 1);
    // Counted by destination type and outcome; the URL and secret appear in no log line.
    const metrics = await (await env.stack.api("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(metrics).toMatch(/dashboard_notifications_total\{type="webhook",outcome="sent"\} [1-9]/);
    expect(env.stack.logs.some((line) => line.includes("/api/subscriptions/:id/send"))).toBe(true);
    expect(env.stack.logs.join("\n")).not.toContain("team-hook-secret-path");
    expect(env.stack.logs.join("\n")).not.toContain(signingSecret!);
    // Nobody else's deliveries, and not another person's subscription.
    expect(((await send("viewer@studio.test", "GET", `/api/deliveries?subscription=${subscription.id}`)).body as DeliveriesPage).items).toEqual([]);
    expect((await send("viewer@studio.test", "POST", `/api/subscriptions/${subscription.id}/send`)).status).toBe(404);

    const paused = await send("admin@studio.test", "PATCH", `/api/subscriptions/${subscription.id}`, { paused: true });
    expect((paused.body as { subscription: Subscription }).subscription).toMatchObject({ paused: true, nextDueAt: null });
    const resumed = await send("admin@studio.test", "PATCH", `/api/subscriptions/${subscription.id}`, { paused: false });
    expect((resumed.body as { subscription: Subscription }).subscription.nextDueAt).not.toBeNull();
    expect((await send("admin@studio.test", "PATCH", `/api/subscriptions/${subscription.id}`, { colour: "red" })).status).toBe(400);
    expect((await send("admin@studio.test", "DELETE", `/api/subscriptions/${subscription.id}`)).status).toBe(204);
    expect((await send("admin@studio.test", "DELETE", `/api/subscriptions/${subscription.id}`)).status).toBe(404);
  });

  it("the built-in outbox shows the real mail, and its one-click link unsubscribes without signing in", async () => {
    const created = await send("analyst@studio.test", "POST", "/api/subscriptions", { ...DIGEST, name: "Birthdays for me", personalData: true, whenEmpty: "send", destination: { type: "email", to: "analyst@studio.test" } });
    const { subscription } = created.body as SubscriptionCreated;
    await send("analyst@studio.test", "POST", `/api/subscriptions/${subscription.id}/send`);
    const mailbox = await until(
      async () => (await send("analyst@studio.test", "GET", "/api/mailbox")).body as { items: { subscriptionId: string; subject: string; text: string; headers: Record<string, string> }[] },
      (m) => m.items.some((i) => i.subscriptionId === subscription.id),
    );
    const mail = mailbox.items.find((i) => i.subscriptionId === subscription.id)!;
    expect(mail.subject).toMatch(/^Birthdays for me: /);
    expect(mail.text).toContain("Birthdays today and the next 7 days");
    // Another person's outbox does not show it.
    expect(((await send("viewer@studio.test", "GET", "/api/mailbox")).body as { items: unknown[] }).items.some((i) => (i as { subscriptionId: string }).subscriptionId === subscription.id)).toBe(false);
    const link = new URL(mail.headers["List-Unsubscribe"]!.slice(1, -1));
    const page = await fetch(`${env.stack.dashboard.url}${link.pathname}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<button");
    expect(((await send("analyst@studio.test", "GET", "/api/subscriptions")).body as { items: Subscription[] }).items.find((s) => s.id === subscription.id)?.paused).toBe(false);
    const oneClick = await fetch(`${env.stack.dashboard.url}${link.pathname}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(oneClick.status).toBe(200);
    const after = ((await send("analyst@studio.test", "GET", "/api/subscriptions")).body as { items: Subscription[] }).items.find((s) => s.id === subscription.id);
    expect(after).toMatchObject({ paused: true, stoppedReason: "Unsubscribed from the e-mail's link." });
    expect((await fetch(`${env.stack.dashboard.url}${link.pathname.slice(0, -3)}abc`, { method: "POST" })).status).toBe(404);
  });
});
