import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS } from "#contract/assumptions";
import { startOfUtcDay, utcDay } from "#contract/dates";
import { composeDigest, type DigestSpec } from "../../../server/notify/digest";
import { judgeRecentDays } from "../../../server/notify/label-periods";
import { startSimulator, type Simulator } from "../../../server/simulator/index";
import { createUpstreamClient, type UpstreamClient } from "../../../server/upstream/client";

let simulator: Simulator;
let upstream: UpstreamClient;
beforeAll(async () => {
  simulator = await startSimulator({ warm: true });
  upstream = createUpstreamClient({ baseUrl: new URL(simulator.url), apiKey: simulator.apiKey, apiSecret: simulator.apiSecret, timeouts: { listDeadlineMs: 10_000, exportDeadlineMs: 10_000, listAttemptMs: 5_000, exportAttemptMs: 5_000 } });
});
afterAll(() => simulator.close());

const base = new URL("https://vip.studio.test");
const spec = (every: "day" | "week"): DigestSpec => ({ workspaceId: "ws_aurora", channelId: "ch_aurora_messenger", name: "Digest", sections: ["unusual", "totals"], birthdayDays: 0, timeZone: "UTC", every, personalData: false, sinceMs: undefined });
const scope = { workspaceId: "ws_aurora", channelId: "ch_aurora_messenger" };

describe("a digest's labels", () => {
  it("are the chart's unusual days since the last digest (a day; a week for a weekly one), each linking to its bar", async () => {
    // The demo's episodes peak 15–17 days before its today: a morning just after them.
    const now = startOfUtcDay(Date.now()) - 14 * DAY_MS + 9 * 3_600_000;
    for (const every of ["day", "week"] as const) {
      const composed = await composeDigest(upstream, spec(every), base, now);
      if (!composed.ok) throw new Error(composed.message);
      const section = composed.message.sections.find((s) => s.title === "Unusual labels")!;
      const judged = await judgeRecentDays(upstream, scope, now, every === "week" ? 8 : 2);
      if (!judged.ok) throw new Error(judged.message);
      const since = now - (every === "week" ? 7 : 1) * DAY_MS;
      const chart = judged.spikes.filter((s) => Date.parse(s.bucket) + DAY_MS > since).map((s) => `${judged.labelNames.get(s.label)} on ${utcDay(Date.parse(s.bucket))}`);
      expect(section.lines.map((l) => l.replace(/ \(UTC\):.*$/, ""))).toEqual(chart);
      expect(chart.length).toBeGreaterThanOrEqual(every === "week" ? 1 : 0);
      // The first unusual bar's messages, or the chart when there is none.
      expect(section.link?.url).toMatch(chart.length > 0 ? /^https:\/\/vip\.studio\.test\/labels\?ws=ws_aurora&ch=ch_aurora_messenger&granularity=day&drill=/ : /^https:\/\/vip\.studio\.test\/labels\?ws=ws_aurora&ch=ch_aurora_messenger$/);
      // Totals: each label against its own previous period, never summed across labels.
      const totals = composed.message.sections.find((s) => s.title.startsWith("Label totals"))!;
      expect(totals.title).toBe(every === "week" ? "Label totals: the last 7 UTC days against the 7 before" : "Label totals: yesterday (UTC) against the day before");
      expect(totals.lines[0]).toMatch(/^All VIP messages: [\d,]+ \(previous: [\d,]+\)$/);
    }
  });
});
