import { describe, expect, it } from "vitest";
import type { LabelOverview } from "#contract/responses";
import { dailyIndex, findSpikes } from "#contract/unusual-periods";
import { createDataset } from "../../../server/simulator/data/dataset";
import { DEMO_LABELS, SPIKE_HEIGHT } from "../../../server/simulator/data/labels";
import { labelOverview } from "../../../server/simulator/handlers/overview";
import { buildChartModel } from "../../../src/features/label-overview/chart-model";

const DAY = 86_400_000;
const injected = DEMO_LABELS.flatMap((l) => l.bumps.filter((b) => b.height >= SPIKE_HEIGHT && b.daysAgo <= 29).map((b) => ({ label: l.id, ...b })));

/** The Labels view's spikes of the last 30 days as the demo draws them on the day of `now`. */
function spikesOn(now: number) {
  const today = Math.floor(now / DAY) * DAY;
  const day = (ago: number) => ({ ms: today - ago * DAY, dateOnly: true, raw: new Date(today - ago * DAY).toISOString().slice(0, 10) });
  const ctx = { dataset: createDataset("dynamo-demo", now, 1), now, storage: undefined as never, origin: "" };
  const overview = (from: number, to: number) =>
    labelOverview(ctx, { workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger", from: day(from), to: day(to), granularity: "day" }).body as LabelOverview;
  const shown = overview(29, 0);
  const spikes = [...findSpikes(buildChartModel(shown, now), dailyIndex([overview(57, 30), shown])).values()];
  return spikes.map((s) => ({ label: s.label, daysAgo: Math.round((today - Date.parse(s.bucket)) / DAY) }));
}

describe("the demo's episodes", () => {
  // The demo is drawn afresh each day, so a spike that shows only on most days would make the
  // Labels view (and the tests that read it) depend on the date: every one must show on every day.
  it("are each found within their width, whatever day the demo is drawn on", () => {
    const start = Date.UTC(2026, 0, 1, 9);
    for (let k = 0; k < 8; k++) {
      const now = start + k * 47 * DAY + (k % 3) * 5 * 3_600_000;
      const found = spikesOn(now);
      const missed = injected.filter((e) => !found.some((s) => s.label === e.label && Math.abs(s.daysAgo - e.daysAgo) <= Math.max(1, Math.ceil(e.width))));
      expect({ day: new Date(now).toISOString(), missed }).toEqual({ day: new Date(now).toISOString(), missed: [] });
    }
  });
});
