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
      const dayAlerts = () => receiver.posts.filter((p) => (JSON.parse(p.body) as WebhookBody).title.includes("unusual today")).length;
      const firedByDay = dayAlerts();

      // A later day on which none of those labels is unusual: their episodes end (re-armed); a
      // label unusual that day (the demo has other episodes) fires as its own episode.
      const fired = new Set(judged.spikes.filter((s) => utcDay(Date.parse(s.bucket)) === utcDay(episodeDay)).map((s) => s.label));
      let calm: { at: number; unusual: string[] } | undefined;
      for (let day = 1; day <= 14 && !calm; day++) {
        const at = episodeDay + day * DAY_MS + 15 * 3_600_000;
        const later = await judgeRecentDays(upstream, { workspaceId: "ws_aurora", channelId: "ch_aurora_messenger" }, at);
        if (!later.ok) throw new Error(later.message);
        const unusual = later.spikes.filter((s) => utcDay(Date.parse(s.bucket)) === utcDay(at)).map((s) => s.label);
        if (!unusual.some((label) => fired.has(label))) calm = { at, unusual };
      }
      if (!calm) throw new Error("no calm day in the two weeks after the episode");
      clock.set(calm.at);
      await service.round();
      expect(dayAlerts()).toBe(firedByDay + calm.unusual.length);
      const episodes = await database.db.selectFrom("notify_alert_state").select("label_id").where("granularity", "=", "day").execute();
      expect(episodes.map((o) => o.label_id).sort()).toEqual([...calm.unusual].sort());
    } finally {
      await service.stop();
      await receiver.close();
      await database.close();
    }
  });
});
