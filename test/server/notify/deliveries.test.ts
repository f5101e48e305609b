import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { utcDay } from "#contract/dates";
import type { SubscriptionInput } from "#contract/notification-schemas";
import { WEBHOOK_DELIVERY_HEADER, WEBHOOK_SIGNATURE_HEADER } from "#contract/notifications";
import { buildUpcomingBirthdays } from "../../../server/birthdays/upcoming-list";
import type { AppDatabase } from "../../../server/db/open-database";
import type { NotifyService } from "../../../server/notify/notify-service";
import { startSimulator, type Simulator } from "../../../server/simulator/index";
import { createUpstreamClient } from "../../../server/upstream/client";
import { freshPglite } from "../../helpers/databases";
import { startHttpReceiver, startSmtpReceiver } from "../../helpers/notify-receivers";
import { fixedLookup, notifyInstance, OWNER, SCOPE, testClock } from "./notify-harness";

let simulator: Simulator;
let database: AppDatabase;
const services: NotifyService[] = [];
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  simulator = await startSimulator({ warm: true });
});
afterAll(async () => {
  await simulator.close();
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
  for (const close of closers.splice(0)) await close();
  await database?.close();
});

const scope = { workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger" };
const webhook = (url: string): SubscriptionInput => ({ kind: "digest", ...scope, destination: { type: "webhook", url }, schedule: { every: "day", at: "09:00", timeZone: "UTC" }, sections: ["totals"], whenEmpty: "send" });

async function deliveryRows(db: AppDatabase) {
  return db.db.selectFrom("notify_deliveries").selectAll().orderBy("id").execute();
}

describe("e-mail through a real SMTP server", () => {
  it("a due digest arrives once, its birthdays exactly the Birthdays view's list, with one-click unsubscribe", async () => {
    database = await freshPglite();
    const smtp = await startSmtpReceiver();
    closers.push(smtp.close);
    const clock = testClock(Date.parse(`${utcDay(Date.now())}T08:59:30Z`));
    const service = notifyInstance(database, simulator, { smtpUrl: smtp.url, now: clock.now });
    services.push(service);
    const input: SubscriptionInput = {
      kind: "digest",
      ...scope,
      name: "Morning birthdays",
      destination: { type: "email", to: "manager@studio.test" },
      schedule: { every: "day", at: "09:00", timeZone: "UTC" },
      sections: ["birthdays", "totals"],
      birthdayDays: 7,
      personalData: true,
    };
    const { row } = await service.subscriptions.create(input, SCOPE, OWNER, "local", clock.now());
    await service.round();
    expect(smtp.mails).toHaveLength(0); // not due yet
    clock.advance(45_000);
    await service.round();
    const [mail] = await smtp.waitFor(1);
    await service.round();
    clock.advance(60_000);
    await service.round();
    expect(smtp.mails).toHaveLength(1);

    expect(mail!.subject).toMatch(/^Morning birthdays: /);
    expect(mail!.to && "text" in mail!.to ? mail!.to.text : "").toBe("manager@studio.test");
    const upstream = createUpstreamClient({ baseUrl: new URL(simulator.url), apiKey: simulator.apiKey, apiSecret: simulator.apiSecret, timeouts: { listDeadlineMs: 10_000, exportDeadlineMs: 10_000, listAttemptMs: 5_000, exportAttemptMs: 5_000 } });
    const list = await buildUpcomingBirthdays(upstream, { workspaceId: scope.workspaceId, channelId: scope.mediumId, from: utcDay(clock.now()), days: 8 });
    if (!list.ok) throw new Error("list failed");
    const expected = list.list.items.slice(0, 50).map((i) => i.user.userName ?? i.user.conversationId);
    expect(expected.length).toBeGreaterThan(0);
    const text = mail!.text ?? "";
    const named = text.split("\n").filter((line) => /^• (Today|\w{3} \d{1,2} \w{3}): /.test(line));
    expect(named.map((line) => line.replace(/^• [^:]+: /, "").replace(/ \((turns \d+|born 29 February)\)/g, ""))).toEqual(expected);
    expect(mail!.html).toContain("Morning birthdays");
    // RFC 8058: a one-click link for this subscription only, and the POST marker.
    const rawHeader = (name: string) => mail!.headerLines.find((h) => h.key === name)?.line.slice(name.length + 1).trim();
    const unsubscribe = String(rawHeader("list-unsubscribe"));
    expect(unsubscribe).toMatch(/^<http:\/\/127\.0\.0\.1:8080\/api\/unsubscribe\/[0-9a-f-]{36}\.[\w-]+>$/);
    expect(rawHeader("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const token = unsubscribe.slice(unsubscribe.lastIndexOf("/") + 1, -1);
    expect(await service.subscriptions.unsubscribe(`${token}x`)).toBeUndefined();
    expect((await service.subscriptions.unsubscribe(token))?.id).toBe(row.id);
    expect((await service.subscriptions.find(row.id))?.paused).toBe(true);
    // The players' names went out: audited, with the destination masked and no name in the row.
    const audit = await database.db.selectFrom("audit_log").selectAll().where("action", "=", "notification_sent").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ subscription: row.id, destination: "email m…@studio.test", players: expected.length });
    expect(JSON.stringify(audit[0])).not.toContain(expected[0]!);
  });

  it("without SMTP_URL the mail is kept in the built-in outbox, sealed at rest", async () => {
    database = await freshPglite();
    const clock = testClock();
    const service = notifyInstance(database, simulator, { now: clock.now });
    services.push(service);
    const { row } = await service.subscriptions.create({ ...webhook("x"), destination: { type: "email", to: "cm@studio.test" } } as SubscriptionInput, SCOPE, OWNER, "local", clock.now());
    await service.outbox.enqueue(row.id, "manual:1", clock.now());
    await service.round();
    const [mail] = await service.mailboxFor("local");
    expect(mail).toMatchObject({ to: "cm@studio.test", subject: expect.stringMatching(/^VIP digest: /) });
    expect(mail!.text).toContain("Label totals");
    const stored = await database.db.selectFrom("notify_mailbox").select("mail_sealed").executeTakeFirstOrThrow();
    expect(stored.mail_sealed).not.toContain("cm@studio.test");
    const sub = await database.db.selectFrom("notify_subscriptions").select("destination_sealed").executeTakeFirstOrThrow();
    expect(sub.destination_sealed).not.toContain("cm@studio.test");
  });
});

describe("who may send what, at send time", () => {
  it("an owner who lost the workspace stops their subscription, saying why; one who lost analyst gets counts, not names", async () => {
    database = await freshPglite();
    const receiver = await startHttpReceiver();
    closers.push(receiver.close);
    const clock = testClock();
    let grants: Map<string, "viewer" | "analyst" | "admin"> = new Map([["ws_aurora", "admin"]]);
    const service = notifyInstance(database, simulator, { now: clock.now, grantsOf: () => grants, outbound: { hosts: [receiver.host] } });
    services.push(service);
    const input = { ...webhook(receiver.url("/names")), sections: ["birthdays"], birthdayDays: 30, personalData: true } as SubscriptionInput;
    const { row } = await service.subscriptions.create(input, SCOPE, OWNER, "local", clock.now());
    grants = new Map([["ws_aurora", "viewer"]]);
    await service.outbox.enqueue(row.id, "manual:counts", clock.now());
    await service.round();
    const counted = JSON.parse(receiver.posts[0]!.body) as { sections: { lines: string[] }[] };
    expect(counted.sections[0]!.lines.join(" ")).toMatch(/^\d[\d,]* VIP birthdays? today, [\d,]+ birthdays? today and the next 30 days\.$/);
    expect(await database.db.selectFrom("audit_log").selectAll().where("action", "=", "notification_sent").execute()).toHaveLength(0);

    grants = new Map();
    await service.outbox.enqueue(row.id, "manual:none", clock.now());
    await service.round();
    expect(receiver.posts).toHaveLength(1);
    const stopped = await service.subscriptions.find(row.id);
    expect(stopped).toMatchObject({ paused: true, stopped_reason: "Stopped: local no longer has access to workspace ws_aurora." });
    const last = (await deliveryRows(database)).at(-1);
    expect(last).toMatchObject({ status: "failed", last_error: "Stopped: local no longer has access to workspace ws_aurora." });
  });
});

describe("webhooks: signed, retried, never twice", () => {
  it("a receiver that answers 500 twice and then 200 gets one delivery, retried with growing waits, each attempt signed", async () => {
    database = await freshPglite();
    const receiver = await startHttpReceiver((_post, n, res) => {
      res.statusCode = n <= 2 ? 500 : 200;
      res.end(n <= 2 ? "busy" : "ok");
    });
    closers.push(receiver.close);
    const clock = testClock();
    const service = notifyInstance(database, simulator, { now: clock.now, outbound: { hosts: [receiver.host] } });
    services.push(service);
    const { row, signingSecret } = await service.subscriptions.create(webhook(receiver.url("/hook")), SCOPE, OWNER, "local", clock.now());
    expect(signingSecret).toMatch(/^whsec_/);
    await service.outbox.enqueue(row.id, "manual:a", clock.now());
    await service.round();
    let [delivery] = await deliveryRows(database);
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, last_error: "The destination answered HTTP 500: busy" });
    const firstWait = new Date(delivery!.next_attempt_at).getTime() - clock.now();
    expect(firstWait).toBeGreaterThanOrEqual(4_000);
    expect(firstWait).toBeLessThanOrEqual(6_000);
    await service.round(); // not due yet: nothing sent
    expect(receiver.posts).toHaveLength(1);
    clock.advance(firstWait);
    await service.round();
    [delivery] = await deliveryRows(database);
    const secondWait = new Date(delivery!.next_attempt_at).getTime() - clock.now();
    expect(secondWait).toBeGreaterThan(firstWait);
    clock.advance(secondWait);
    await service.round();
    clock.advance(3_600_000);
    await service.round();
    [delivery] = await deliveryRows(database);
    expect(delivery).toMatchObject({ status: "sent", attempts: 3 });
    expect(receiver.posts).toHaveLength(3);
    for (const post of receiver.posts) {
      expect(post.headers[WEBHOOK_DELIVERY_HEADER]).toBe(String(delivery!.id));
      const [t, v1] = String(post.headers[WEBHOOK_SIGNATURE_HEADER]).split(",").map((p) => p.split("=")[1]);
      expect(v1).toBe(createHmac("sha256", signingSecret!).update(`${t}.${post.body}`).digest("hex"));
      expect(JSON.parse(post.body)).toMatchObject({ type: "digest", subscriptionId: row.id, deliveryId: String(delivery!.id), workspaceId: "ws_aurora", channelId: "ch_aurora_messenger" });
    }
  });

  it("a 429 with Retry-After waits exactly that long", async () => {
    database = await freshPglite();
    const receiver = await startHttpReceiver((_post, _n, res) => {
      res.statusCode = 429;
      res.setHeader("retry-after", "120");
      res.end();
    });
    closers.push(receiver.close);
    const clock = testClock();
    const service = notifyInstance(database, simulator, { now: clock.now, outbound: { hosts: [receiver.host] } });
    services.push(service);
    const { row } = await service.subscriptions.create(webhook(receiver.url("/hook")), SCOPE, OWNER, "local", clock.now());
    await service.outbox.enqueue(row.id, "manual:a", clock.now());
    await service.round();
    const [delivery] = await deliveryRows(database);
    expect(delivery!.status).toBe("pending");
    expect(new Date(delivery!.next_attempt_at).getTime()).toBe(clock.now() + 120_000);
  });

  it("a hanging receiver does not delay another destination", async () => {
    database = await freshPglite();
    const hanging = await startHttpReceiver(() => undefined);
    const healthy = await startHttpReceiver();
    closers.push(hanging.close, healthy.close);
    const clock = testClock();
    const service = notifyInstance(database, simulator, { now: clock.now, outbound: { hosts: [hanging.host, healthy.host], timeoutMs: 1_500 } });
    services.push(service);
    const slow = await service.subscriptions.create(webhook(hanging.url("/slow")), SCOPE, OWNER, "local", clock.now());
    const fast = await service.subscriptions.create(webhook(healthy.url("/fast")), SCOPE, OWNER, "local", clock.now());
    await service.outbox.enqueue(slow.row.id, "manual:a", clock.now());
    await service.outbox.enqueue(fast.row.id, "manual:a", clock.now());
    const started = Date.now();
    const round = service.round();
    while (healthy.posts.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const healthyAfterMs = Date.now() - started;
    await round;
    const roundMs = Date.now() - started;
    expect(healthyAfterMs).toBeLessThan(roundMs);
    expect(roundMs).toBeGreaterThanOrEqual(1_400); // the hang ran to its own time limit
    const rows = await deliveryRows(database);
    expect(rows.find((r) => r.subscription_id === fast.row.id)?.status).toBe("sent");
    expect(rows.find((r) => r.subscription_id === slow.row.id)).toMatchObject({ status: "pending", last_error: expect.stringMatching(/could not be reached/) });
  });
});

describe("Slack and Discord", () => {
  it("get Block Kit and embeds within their limits, with the same sections as the e-mail, and no mentions", async () => {
    database = await freshPglite();
    const receiver = await startHttpReceiver();
    closers.push(receiver.close);
    const clock = testClock();
    const service = notifyInstance(database, simulator, { now: clock.now, outbound: { hosts: [receiver.host] } });
    services.push(service);
    const digest = (type: "slack" | "discord", path: string) =>
      ({ ...webhook(""), destination: { type, url: receiver.url(path) }, sections: ["birthdays", "unusual", "totals"], birthdayDays: 30, personalData: true }) as SubscriptionInput;
    const slack = await service.subscriptions.create(digest("slack", "/services/T000/B000/xyz"), SCOPE, OWNER, "local", clock.now());
    const discord = await service.subscriptions.create(digest("discord", "/api/webhooks/1/abc"), SCOPE, OWNER, "local", clock.now());
    await service.outbox.enqueue(slack.row.id, "manual:1", clock.now());
    await service.outbox.enqueue(discord.row.id, "manual:1", clock.now());
    await service.round();
    const bodyOf = (path: string) => JSON.parse(receiver.posts.find((p) => p.path === path)!.body) as Record<string, unknown>;
    const blocks = bodyOf("/services/T000/B000/xyz") as { text: string; blocks: { type: string; text: { text: string } }[] };
    expect(blocks.text).toMatch(/^VIP digest: /);
    expect(blocks.blocks.length).toBeLessThanOrEqual(50);
    expect(blocks.blocks[0]).toMatchObject({ type: "header" });
    for (const block of blocks.blocks) expect(block.text.text.length).toBeLessThanOrEqual(block.type === "header" ? 150 : 3000);
    expect(blocks.blocks.map((b) => b.text.text.split("\n")[0])).toEqual(expect.arrayContaining([expect.stringMatching(/^\*Birthdays today and the next 30 days \(\d+\)\*$/), "*Unusual labels*", expect.stringMatching(/^\*Label totals: /)]));
    const embeds = bodyOf("/api/webhooks/1/abc") as { content: string; embeds: { title: string; description: string }[]; allowed_mentions: { parse: string[] } };
    expect(embeds.allowed_mentions).toEqual({ parse: [] });
    expect(embeds.embeds.length).toBeLessThanOrEqual(10);
    expect(embeds.embeds.reduce((n, e) => n + e.title.length + e.description.length, 0)).toBeLessThanOrEqual(6000);
    expect(embeds.embeds.map((e) => e.title)).toEqual(expect.arrayContaining([expect.stringMatching(/^Birthdays today and the next 30 days/), "Unusual labels"]));
  });
});

describe("outbound safety: nothing is sent where it may not go", () => {
  it("an unlisted host, a redirect, and names resolving to 127.0.0.1 or 169.254.169.254 send nothing and fail without retrying", async () => {
    database = await freshPglite();
    const target = await startHttpReceiver();
    const redirecting = await startHttpReceiver((_post, _n, res) => {
      res.statusCode = 302;
      res.setHeader("location", target.url("/stolen"));
      res.end();
    });
    closers.push(target.close, redirecting.close);
    const port = target.host.split(":")[1];
    const clock = testClock();
    const service = notifyInstance(database, simulator, {
      now: clock.now,
      outbound: { hosts: [redirecting.host, `hooks.example.test:${port}`, "metadata.example.test"], lookup: fixedLookup({ "hooks.example.test": "127.0.0.1", "metadata.example.test": "169.254.169.254" }) },
    });
    services.push(service);
    const cases = [target.url("/unlisted"), redirecting.url("/hook"), `http://hooks.example.test:${port}/inside`, "https://metadata.example.test/latest/meta-data"];
    for (const [i, url] of cases.entries()) {
      const { row } = await service.subscriptions.create(webhook(url), SCOPE, OWNER, "local", clock.now());
      await service.outbox.enqueue(row.id, `manual:${i}`, clock.now());
    }
    await service.round();
    expect(target.posts).toHaveLength(0);
    const rows = await deliveryRows(database);
    expect(rows.map((r) => r.status)).toEqual(["failed", "failed", "failed", "failed"]);
    expect(rows.map((r) => r.last_error)).toEqual([
      expect.stringMatching(/may only be sent to .*127\.0\.0\.1 is not one of them|is not one of them/),
      expect.stringMatching(/HTTP 302 \(a redirect, which is never followed\)/),
      expect.stringMatching(/must use https|internal address/),
      expect.stringMatching(/internal address \(169\.254\.169\.254\)/),
    ]);
  });
});
