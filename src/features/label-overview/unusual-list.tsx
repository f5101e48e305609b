import type { TrendGranularity } from "#contract/trend-windows";
import { QueryError } from "../../components/query-error";
import { formatShortDay } from "../../lib/format/dates";
import { historyDaysFor } from "#contract/unusual-periods";
import { describeBucket } from "./window";
import { formatCount, plural } from "../../lib/format/numbers";
import type { BarActions } from "./bar-label";
import type { ChartModel } from "./chart-model";
import { episodesOf, spikeDetail } from "./spike-text";
import { SPIKE_RULE } from "#contract/unusual-periods";
import type { SpikeState } from "./use-spikes";

const when = (bucket: string, granularity: TrendGranularity) =>
  granularity === "month" ? describeBucket(bucket, granularity) : `${granularity === "week" ? "week of " : ""}${formatShortDay(bucket)}`;
const last = (bucket: string, granularity: TrendGranularity) => (granularity === "month" ? describeBucket(bucket, granularity) : formatShortDay(bucket));

/**
 * "Unusual this period": each label's runs of unusual periods, the most recent first; an item
 * opens the messages of its strongest period (the bar the marker is on).
 */
export function UnusualList({ state, model, granularity, bars }: { state: SpikeState; model: ChartModel; granularity: TrendGranularity; bars: BarActions }) {
  let body;
  const history = `the ${historyDaysFor(granularity) / 7 === 4 ? "four" : "twelve"} weeks before`;
  if (state.status === "pending") body = <p className="muted">Comparing each period with {history} it…</p>;
  else if (state.status === "error") body = <QueryError error={state.error} what={`${history} this window`} onRetry={state.retry} />;
  else {
    const episodes = episodesOf(state.spikes, model);
    body =
      episodes.length === 0 ? (
        <p className="muted">Nothing unusual: no label's share of VIP messages rose well above its share in {history} in any period.</p>
      ) : (
        <ul className="unusual-list">
          {episodes.map((episode) => {
            const { peak, buckets } = episode;
            const span = buckets.length === 1 ? when(buckets[0]!, granularity) : `${when(buckets[0]!, granularity)} – ${last(buckets[buckets.length - 1]!, granularity)}`;
            return (
              <li key={`${episode.label}|${buckets[0]}`}>
                <button type="button" className="link-button" onClick={() => bars.open(peak.label, peak.bucket)} onMouseEnter={() => bars.preview(peak.label, peak.bucket)}>
                  <strong>{episode.labelName}</strong>: {span}
                </button>
                <span className="muted">
                  {buckets.length > 1 && `${plural(buckets.length, granularity)}; peak ${when(peak.bucket, granularity)}: `}
                  {formatCount(peak.count)} messages, {spikeDetail(peak)}
                </span>
              </li>
            );
          })}
        </ul>
      );
  }
  return (
    <section className="unusual" aria-labelledby="unusual-heading">
      <h2 id="unusual-heading">Unusual this period</h2>
      <p className="chart-caption">
        A period is marked ▼ when a label's share of its VIP messages is at least {SPIKE_RULE.minLift} times its usual share, with at least{" "}
        {SPIKE_RULE.minCount} messages, and so far above it that chance alone would give it less than 1 in {formatCount(1 / SPIKE_RULE.maxChance)}. The usual
        share is learnt from {history} the period: earlier waves left out, weekends apart from weekdays, and a label whose share always
        wanders needing a larger jump.
      </p>
      {body}
    </section>
  );
}
