import type { TrendGranularity } from "#contract/trend-windows";
import { formatCount, formatRate, plural, rate } from "../../lib/format/numbers";
import type { ChartModel, LabelSeries } from "./chart-model";
import { unusualNote } from "./spike-text";
import type { Spike } from "#contract/unusual-periods";
import { describeBucket } from "./window";

export interface BarReadoutData {
  label: LabelSeries;
  bucket: string;
  /** The same period of the window before, when it has loaded. */
  previous: { name: string; count: number; activity: number } | undefined;
  spike: Spike | undefined;
}

/**
 * What one per-label bar says, next to the bar: its label, period (UTC, and how much of it a
 * partial period covers), count, share of all VIP messages, the window before's value for the
 * same period, and whether it is unusual. On a touch screen the first tap shows this, and its
 * button opens the messages (a finger has no hover to read a bar before opening it).
 */
export function BarReadout({
  data,
  model,
  granularity,
  id,
  style,
  onOpen,
  events,
}: {
  /** The team's events the period touches. */
  events: readonly { title: string }[];
  data: BarReadoutData;
  model: ChartModel;
  granularity: TrendGranularity;
  id: string;
  style: React.CSSProperties;
  onOpen: (() => void) | undefined;
}) {
  const { label, bucket, previous, spike } = data;
  const count = model.cell(label.id, bucket).count;
  const activity = model.activity(bucket).count;
  const partial = model.partial(bucket);
  return (
    <div className={onOpen ? "bar-readout bar-readout--tap" : "bar-readout"} id={id} role="tooltip" style={style}>
      <strong className="bar-readout__label">
        <span className="swatch" style={{ background: label.colour }} aria-hidden="true" /> {label.name}
      </strong>
      <span className="bar-readout__when">
        {describeBucket(bucket, granularity)} (UTC{partial ? `, ${partial}` : ""})
      </span>
      <span className="bar-readout__value">
        {model.pending(bucket) ? "loading…" : `${plural(count, "message")} · ${formatRate(rate(count, activity))} of ${formatCount(activity)} VIP messages`}
      </span>
      {events.length > 0 && <span className="bar-readout__events">Events: {events.map((e) => e.title).join("; ")}</span>}
      {previous && (
        <span className="bar-readout__previous">
          {previous.name}: {formatCount(previous.count)} · {formatRate(rate(previous.count, previous.activity))}
        </span>
      )}
      {spike && <span className="bar-readout__unusual">▼ {unusualNote(spike)}</span>}
      {onOpen && count > 0 && (
        <button type="button" className="button button--small" onClick={onOpen}>
          Read the {plural(count, "message")}
        </button>
      )}
    </div>
  );
}
