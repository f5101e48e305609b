import { utcDay } from "#contract/dates";
import type { AppDb } from "../db/schema";
import type { UpstreamClient } from "../upstream/client";
import { dashboardLink } from "./digest";
import { judgeRecentDays } from "./label-periods";
import type { NotifyMessage } from "./message";
import type { Outbox } from "./outbox";
import type { SecretBox } from "./secret-box";
import type { SubscriptionRow } from "./subscriptions-store";

const percent = (share: number) => `${(share * 100).toFixed(share < 0.01 ? 2 : 1)}%`;

/**
 * Checks one alert subscription: a chosen label whose day (UTC, today so far) became unusual by
 * the chart's rule fires once per episode — a row in notify_alert_state holds the episode, and
 * the delivery's occurrence (label and day) is unique, so two instances checking at once queue
 * it once. A label back to normal re-arms (its row goes).
 */
export async function checkAlert(deps: { db: AppDb; upstream: UpstreamClient; outbox: Outbox; box: SecretBox; baseUrl: URL }, sub: SubscriptionRow, nowMs: number): Promise<{ fired: string[]; rearmed: string[] } | { error: string }> {
  const judged = await judgeRecentDays(deps.upstream, { workspaceId: sub.workspace_id, channelId: sub.channel_id }, nowMs);
  if (!judged.ok) return { error: judged.message };
  const today = utcDay(nowMs);
  const wanted = (label: string) => sub.settings.labels === "all" || sub.settings.labels.includes(label);
  const unusualToday = judged.spikes.filter((s) => utcDay(Date.parse(s.bucket)) === today && wanted(s.label));
  const episodes = await deps.db.selectFrom("notify_alert_state").selectAll().where("subscription_id", "=", sub.id).where("granularity", "=", "day").execute();
  const open = new Map(episodes.map((e) => [e.label_id, e]));
  const fired: string[] = [];
  for (const spike of unusualToday) {
    if (open.has(spike.label)) continue;
    const name = judged.labelNames.get(spike.label) ?? spike.label;
    const factor = Number.isFinite(spike.lift) ? `${spike.lift.toFixed(1)}× its share over the 4 weeks before` : "it had none in the 4 weeks before";
    const url = dashboardLink(deps.baseUrl, "/labels", { workspaceId: sub.workspace_id, channelId: sub.channel_id }, { granularity: "day", drill: `${spike.label}:${spike.bucket}` });
    const message: NotifyMessage = {
      kind: "alert",
      title: `${name} is unusual today (${today}, UTC)`,
      summary: `${spike.count.toLocaleString("en-US")} messages so far, ${percent(spike.rate)} of ${spike.activity.toLocaleString("en-US")} VIP messages: ${factor}.`,
      sections: [{ title: `${name} in ${sub.workspace_id} / ${sub.channel_id}`, lines: [`Chance of this many at the usual share: below ${spike.chance < 1e-12 ? "one in a trillion" : spike.chance.toExponential(0)}`], link: { text: "Open the messages behind this bar", url } }],
      personalData: false,
      playersNamed: 0,
      empty: false,
      dashboardUrl: url,
    };
    const inserted = await deps.db
      .insertInto("notify_alert_state")
      .values({ subscription_id: sub.id, label_id: spike.label, granularity: "day", period: spike.bucket })
      .onConflict((oc) => oc.constraint("notify_alert_state_pk").doNothing())
      .returning("label_id")
      .executeTakeFirst();
    if (!inserted) continue; // another instance opened this episode a moment ago
    // Queued with its message: the worker sends exactly this, at once or after quiet hours.
    await deps.outbox.enqueue(sub.id, `alert:${spike.label}:day:${today}`, nowMs, deps.box.seal(JSON.stringify(message), "notify-message"));
    fired.push(spike.label);
  }
  // Back to normal (today is not unusual): the next unusual day fires again.
  const rearmed = episodes.filter((e) => !unusualToday.some((s) => s.label === e.label_id)).map((e) => e.label_id);
  if (rearmed.length > 0) await deps.db.deleteFrom("notify_alert_state").where("subscription_id", "=", sub.id).where("label_id", "in", rearmed).execute();
  return { fired, rearmed };
}
