import { afterAll, beforeAll, expect, it } from "vitest";
import { DAY_MS } from "#contract/assumptions";
import { startOfUtcDay, utcDay } from "#contract/dates";
import type { WebhookBody } from "#contract/notifications";
import { judgeCurrentWeek, judgeRecentDays } from "../../../server/notify/label-periods";
import { startSimulator, type Simulator } from "../../../server/simulator/index";
import { createUpstreamClient } from "../../../server/upstream/client";
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

describeOnEachDatabase("label alerts", (open) => {
  it("fire once per episode, by day and by week, on the chart's rule, and re-arm when the label is back to normal", async () => {
    const database = await open();
    const receiver = await startHttpReceiver();
    // The demo injects an episode 17 days before its today: check as if it were that afternoon.
    const episodeDay = startOfUtcDay(Date.now()) - 17 * DAY_MS;
    const clock = testClock(episodeDay + 15 * 3_600_000);
    const service = notifyInstance(database, simulator, { now: clock.now, outbound: { hosts: [receiver.host] } });
    try {
      await service.subscriptions.create(
        { kind: "alert", workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger", labels: "all", destination: { type: "webhook", url: receiver.url("/alerts") } },
        SCOPE,
        OWNER,
        "local",
        clock.now(),
      );
      await service.round();
      const upstream = createUpstreamClient({ baseUrl: new URL(simulator.url), apiKey: simulator.apiKey, apiSecret: simulator.apiSecret, timeouts: { listDeadlineMs: 10_000, exportDeadlineMs: 10_000, listAttemptMs: 5_000, exportAttemptMs: 5_000 } });
      const judged = await judgeRecentDays(upstream, { workspaceId: "ws_aurora", channelId: "ch_aurora_messenger" }, clock.now());
      if (!judged.ok) throw new Error(judged.message);
      const week = await judgeCurrentWeek(upstream, { workspaceId: "ws_aurora", channelId: "ch_aurora_messenger" }, clock.now());
      if (!week.ok) throw new Error(week.message);
      const chartSays = [
        ...judged.spikes.filter((s) => utcDay(Date.parse(s.bucket)) === utcDay(episodeDay)).map((s) => `${judged.labelNames.get(s.label)} today`),
        ...week.spikes.map((s) => `${week.labelNames.get(s.label)} this week`),
      ];
      expect(chartSays.filter((s) => s.endsWith("today")).length).toBeGreaterThan(0);
      const alerted = receiver.posts.map((p) => JSON.parse(p.body) as WebhookBody);
      expect(alerted.map((a) => a.title.replace(/ is unusual (today|this week).*$/, " $1")).sort()).toEqual([...chartSays].sort());
      expect(alerted[0]).toMatchObject({ type: "alert", sections: [{ link: expect.stringContaining("drill=") }] });

      // Checked again within the episode: nothing new.
      clock.advance(2 * 3_600_000);
      await service.round();
      expect(receiver.posts).toHaveLength(alerted.length);
      expect(await database.db.selectFrom("notify_alert_state").selectAll().execute()).toHaveLength(alerted.length);
      const dayAlerts = () => receiver.posts.filter((p) => /unusual (today|yesterday)/.test((JSON.parse(p.body) as WebhookBody).title)).length;
      const firedByDay = dayAlerts();

      // A later day on which none of those labels is unusual, nor on the two days before: their
      // episodes end (re-armed); a label unusual today or yesterday (the demo has other
      // episodes) fires as its own episode.
      const fired = new Set(judged.spikes.filter((s) => utcDay(Date.parse(s.bucket)) === utcDay(episodeDay)).map((s) => s.label));
      let calm: { at: number; unusual: Set<string> } | undefined;
      for (let day = 3; day <= 14 && !calm; day++) {
        const at = episodeDay + day * DAY_MS + 15 * 3_600_000;
        const later = await judgeRecentDays(upstream, { workspaceId: "ws_aurora", channelId: "ch_aurora_messenger" }, at, 3);
        if (!later.ok) throw new Error(later.message);
        const recent = later.spikes.filter((s) => Date.parse(s.bucket) >= startOfUtcDay(at) - DAY_MS);
        const unusual = new Set(recent.map((s) => s.label));
        if (!later.spikes.some((s) => fired.has(s.label))) calm = { at, unusual };
      }
      if (!calm) throw new Error("no calm day in the two weeks after the episode");
      clock.set(calm.at);
      await service.round();
      expect(dayAlerts()).toBe(firedByDay + calm.unusual.size);
      const episodes = await database.db.selectFrom("notify_alert_state").select("label_id").where("granularity", "=", "day").execute();
      expect(episodes.map((o) => o.label_id).sort()).toEqual([...calm.unusual].sort());
    } finally {
      await service.stop();
      await receiver.close();
      await database.close();
    }
  });

  it("keep a wave that runs past midnight one episode, and alert a day that turned unusual after its last check at the first check after midnight", async () => {
    const database = await open();
    const receiver = await startHttpReceiver();
    const upstream = createUpstreamClient({ baseUrl: new URL(simulator.url), apiKey: simulator.apiKey, apiSecret: simulator.apiSecret, timeouts: { listDeadlineMs: 10_000, exportDeadlineMs: 10_000, listAttemptMs: 5_000, exportAttemptMs: 5_000 } });
    const scope = { workspaceId: "ws_aurora", channelId: "ch_aurora_messenger" };
    // A label unusual on two days in a row, whole days, from the demo's episodes (17 days ago and around).
    const today = startOfUtcDay(Date.now());
    let pair: { first: number; label: string } | undefined;
    for (let ago = 20; ago >= 2 && !pair; ago--) {
      const second = today - (ago - 1) * DAY_MS;
      const judged = await judgeRecentDays(upstream, scope, second + DAY_MS - 1);
      if (!judged.ok) throw new Error(judged.message);
      const on = (dayMs: number) => new Set(judged.spikes.filter((s) => Date.parse(s.bucket) === dayMs).map((s) => s.label));
      const both = [...on(second - DAY_MS)].find((label) => on(second).has(label));
      if (both) pair = { first: second - DAY_MS, label: both };
    }
    if (!pair) throw new Error("the demo has no label unusual two days in a row");
    const { first, label } = pair;
    const clock = testClock(first - 12 * 3_600_000);
    const service = notifyInstance(database, simulator, { now: clock.now, outbound: { hosts: [receiver.host] } });
    // The day alerts of the first subscription (the week has its own episodes).
    const titlesFor = (name: string) =>
      receiver.posts
        .filter((p) => p.path === "/alerts")
        .map((p) => (JSON.parse(p.body) as WebhookBody).title)
        .filter((title) => title.startsWith(`${name} `) && !title.includes("this week"));
    try {
      await service.subscriptions.create({ kind: "alert", workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger", labels: [label], destination: { type: "webhook", url: receiver.url("/alerts") } }, SCOPE, OWNER, "local", clock.now());
      // The instance was down from the noon before the wave until just after its first day ended:
      // that day is alerted at the first check after midnight, as yesterday.
      await service.round();
      clock.set(first + DAY_MS + 5 * 60_000);
      await service.round();
      const names = await judgeRecentDays(upstream, scope, clock.now());
      if (!names.ok) throw new Error(names.message);
      const labelName = names.labelNames.get(label) ?? label;
      expect(titlesFor(labelName)).toEqual([`${labelName} was unusual yesterday (${utcDay(first)}, UTC)`]);
      // The wave goes on through its second day: still the same episode, nothing new.
      for (const hour of [6, 12, 18, 23]) {
        clock.set(first + DAY_MS + hour * 3_600_000);
        await service.round();
      }
      expect(titlesFor(labelName)).toHaveLength(1);
      expect(await database.db.selectFrom("notify_alert_state").select("label_id").where("granularity", "=", "day").execute()).toEqual([{ label_id: label }]);

      // A subscription made after a day ended is not told about that day.
      const late = await service.subscriptions.create({ kind: "alert", workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger", labels: [label], destination: { type: "webhook", url: receiver.url("/late") } }, SCOPE, OWNER, "local", first + 2 * DAY_MS + 60_000);
      clock.set(first + 2 * DAY_MS + 5 * 60_000);
      await service.round();
      const lateTitles = receiver.posts.filter((p) => p.path === "/late").map((p) => (JSON.parse(p.body) as WebhookBody).title);
      expect(lateTitles.filter((t) => t.includes("yesterday"))).toEqual([]);
      const lateEpisodes = await database.db.selectFrom("notify_alert_state").select("period").where("subscription_id", "=", late.row.id).execute();
      expect(lateEpisodes.filter((e) => e.period.startsWith(utcDay(first + DAY_MS)))).toEqual([]);
    } finally {
      await service.stop();
      await receiver.close();
      await database.close();
    }
  });
});
