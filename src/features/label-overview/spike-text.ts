import { formatRate } from "../../lib/format/numbers";
import type { ChartModel } from "./chart-model";
import type { Spike } from "#contract/unusual-periods";

/** "the 4 weeks before" (a day or a week), "the 12 weeks before" (a month of a long trend). */
const before = (spike: Spike) => `the ${Math.round(spike.historyDays / 7)} weeks before`;

/** "2.4 times" its usual share (for a label that had some in the four weeks before). */
const liftText = (spike: Spike) => `${spike.lift.toFixed(1)} times`;

/** The note a marked bar's name and the table carry: "unusual: 2.4 times its usual share of the 4 weeks before". */
export const unusualNote = (spike: Spike) =>
  Number.isFinite(spike.lift) ? `unusual: ${liftText(spike)} its usual share of ${before(spike)}` : `unusual: none in ${before(spike)}`;

/** "7.2% of VIP messages, 2.4 times the 3.0% of the 4 weeks before". */
export const spikeDetail = (spike: Spike) =>
  `${formatRate(spike.rate)} of VIP messages, ${Number.isFinite(spike.lift) ? `${liftText(spike)} the ${formatRate(spike.baselineRate)}` : "none"} of ${before(spike)}`;

/** A label's run of consecutive unusual periods, read as one episode, and its strongest period. */
export interface Episode {
  label: string;
  labelName: string;
  buckets: string[];
  peak: Spike;
}

/** Episodes, the most recent first; consecutive unusual periods of a label are one episode. */
export function episodesOf(spikes: ReadonlyMap<string, Spike>, model: Pick<ChartModel, "labels" | "buckets">): Episode[] {
  const episodes: Episode[] = [];
  for (const label of model.labels) {
    let current: Episode | undefined;
    for (const bucket of model.buckets) {
      const spike = spikes.get(`${label.id}|${bucket}`);
      if (!spike) {
        current = undefined;
        continue;
      }
      if (!current) episodes.push((current = { label: label.id, labelName: label.name, buckets: [], peak: spike }));
      current.buckets.push(bucket);
      if (spike.lift > current.peak.lift) current.peak = spike;
    }
  }
  const last = (e: Episode) => e.buckets[e.buckets.length - 1]!;
  return episodes.sort((a, b) => (last(a) < last(b) ? 1 : last(a) > last(b) ? -1 : b.peak.lift - a.peak.lift));
}
