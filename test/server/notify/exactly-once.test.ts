import { afterAll, beforeAll, expect, it } from "vitest";
import type { SubscriptionInput } from "#contract/notification-schemas";
import { WEBHOOK_DELIVERY_HEADER } from "#contract/notifications";
import type { AppDatabase } from "../../../server/db/open-database";
import { openDatabase } from "../../../server/db/open-database";
import { startSimulator, type Simulator } from "../../../server/simulator/index";
import { describeOnEachDatabase } from "../../helpers/databases";
import { startHttpReceiver } from "../../helpers/notify-receivers";
import { notifyInstance, OWNER, SCOPE, testClock } from "./notify-harness";

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startSimulator({ warm: true });
});
afterAll(async () => {
  await simulator.close();
});

const digestTo = (url: string, at: string): SubscriptionInput => ({
  kind: "digest",
  workspaceId: "ws_aurora",
  mediumId: "ch_aurora_messenger",
  destination: { type: "webhook", url },
  schedule: { every: "day", at, timeZone: "Europe/Berlin" },
  sections: ["totals"],
  whenEmpty: "send",
});

/** The second instance's database: on PostgreSQL a pool of its own, as a second process would have; on PGlite the same one. */
async function secondInstance(database: AppDatabase): Promise<{ second: AppDatabase; dropSecond: () => Promise<void> }> {
  if (database.kind !== "postgres") return { second: database, dropSecond: async () => {} };
  const url = (database.pgPool as unknown as { options: { connectionString: string } }).options.connectionString;
  const second = await openDatabase({ kind: "postgres", url });
  return { second, dropSecond: () => second.close() };
}

describeOnEachDatabase("every due occurrence is sent exactly once", (open) => {
  it("two instances on one database, rounds racing, send each of 12 due digests once; a second day sends each again once", async () => {
    const database = await open();
    const { second, dropSecond } = await secondInstance(database);
    const receiver = await startHttpReceiver();
    const clock = testClock(Date.parse("2026-12-02T07:00:00Z"));
    const options = { now: clock.now, outbound: { hosts: [receiver.host] } };
    const a = notifyInstance(database, simulator, options);
    const b = notifyInstance(second, simulator, options);
    try {
      for (let i = 0; i < 12; i++) await a.subscriptions.create(digestTo(receiver.url(`/s${i}`), "08:30"), SCOPE, OWNER, "local", clock.now());
      clock.set(Date.parse("2026-12-02T07:31:00Z")); // 08:31 in Berlin
      await Promise.all([a.round(), b.round(), a.round(), b.round()]);
      await Promise.all([a.round(), b.round()]);
      expect(receiver.posts).toHaveLength(12);
      expect(new Set(receiver.posts.map((p) => p.path)).size).toBe(12);
      expect(new Set(receiver.posts.map((p) => p.headers[WEBHOOK_DELIVERY_HEADER])).size).toBe(12);
      clock.advance(86_400_000);
      await Promise.all([b.round(), a.round(), b.round()]);
      expect(receiver.posts).toHaveLength(24);
      const occurrences = await database.db.selectFrom("notify_deliveries").select(["occurrence", "status"]).execute();
      expect(new Set(occurrences.map((o) => o.occurrence))).toEqual(new Set(["digest:2026-12-02", "digest:2026-12-03"]));
      expect(occurrences.every((o) => o.status === "sent")).toBe(true);
    } finally {
      await a.stop();
      await b.stop();
      await receiver.close();
      await dropSecond();
      await database.close();
    }
  });

  it("two instances keep one Slack webhook to about one message a second between them, and a 429's Retry-After holds the destination for everything queued to it", async () => {
    const database = await open();
    const { second, dropSecond } = await secondInstance(database);
    let limited = false;
    const receiver = await startHttpReceiver((post, _n, res) => {
      // The plain webhook answers its first post 429, as a busy receiver does.
      if (post.path === "/hook" && !limited) {
        limited = true;
        res.statusCode = 429;
        res.setHeader("retry-after", "60");
      }
      res.end();
    });
    const start = Date.parse("2026-12-02T07:00:00Z");
    const clock = testClock(start);
    const options = { now: clock.now, outbound: { hosts: [receiver.host] } };
    const a = notifyInstance(database, simulator, options);
    const b = notifyInstance(second, simulator, options);
    const race = () => Promise.all([a.round(), b.round(), a.round(), b.round()]);
    const postsTo = (path: string) => receiver.posts.filter((p) => p.path === path).length;
    try {
      // Three team digests into one Slack channel (one webhook URL), all due at once.
      for (let i = 0; i < 3; i++) {
        const { row } = await a.subscriptions.create({ ...digestTo("", "09:00"), destination: { type: "slack", url: receiver.url("/services/T1/B1/one") } }, SCOPE, OWNER, "local", clock.now());
        await a.outbox.enqueue(row.id, "manual:1", clock.now());
      }
      await race();
      expect(postsTo("/services/T1/B1/one")).toBe(1);
      clock.set(start + 500);
      await race();
      expect(postsTo("/services/T1/B1/one")).toBe(1);
      clock.set(start + 1_000);
      await race();
      expect(postsTo("/services/T1/B1/one")).toBe(2);
      clock.set(start + 2_000);
      await race();
      expect(postsTo("/services/T1/B1/one")).toBe(3);

      // A 429 with Retry-After: 60 on one delivery holds the other two queued for that URL.
      const hooks = [];
      for (let i = 0; i < 3; i++) hooks.push((await a.subscriptions.create(digestTo(receiver.url("/hook"), "09:00"), SCOPE, OWNER, "local", clock.now())).row);
      await a.outbox.enqueue(hooks[0]!.id, "manual:1", clock.now());
      await race();
      expect(postsTo("/hook")).toBe(1);
      for (const hook of hooks.slice(1)) await a.outbox.enqueue(hook.id, "manual:1", clock.now());
      clock.set(start + 2_000 + 30_000);
      await race();
      expect(postsTo("/hook")).toBe(1);
      clock.set(start + 2_000 + 60_000);
      await race();
      expect(postsTo("/hook")).toBe(4);
      const rows = await database.db.selectFrom("notify_deliveries").select("status").execute();
      expect(rows.map((r) => r.status)).toEqual(Array.from({ length: 6 }, () => "sent"));
    } finally {
      await a.stop();
      await b.stop();
      await receiver.close();
      await dropSecond();
      await database.close();
    }
  });

  it("an instance that dies holding a delivery loses nothing: after its lease another sends it, once", async () => {
    const database = await open();
    const receiver = await startHttpReceiver();
    const clock = testClock();
    const options = { now: clock.now, outbound: { hosts: [receiver.host] } };
    const dying = notifyInstance(database, simulator, options);
    const survivor = notifyInstance(database, simulator, options);
    try {
      const { row } = await dying.subscriptions.create(digestTo(receiver.url("/x"), "09:00"), SCOPE, OWNER, "local", clock.now());
      await dying.outbox.enqueue(row.id, "manual:1", clock.now());
      // The dying instance takes the row and never gets to send it.
      expect(await dying.outbox.claim(clock.now())).toHaveLength(1);
      await survivor.round();
      expect(receiver.posts).toHaveLength(0); // its lease still holds
      clock.advance(121_000);
      await survivor.round();
      await survivor.round();
      expect(receiver.posts).toHaveLength(1);
      const [delivery] = await database.db.selectFrom("notify_deliveries").selectAll().execute();
      expect(delivery).toMatchObject({ status: "sent", attempts: 2 });
    } finally {
      await dying.stop();
      await survivor.stop();
      await receiver.close();
      await database.close();
    }
  });
});

