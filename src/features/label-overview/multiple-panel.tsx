import type { Granularity } from "#contract/responses";
import { formatShortDay } from "../../lib/format/dates";
import { formatCount, formatRate, rate } from "../../lib/format/numbers";
import { barId, barLabel, type BarActions } from "./bar-label";
import { barHeight, barsPath } from "./bar-path";
import type { ChartModel, LabelSeries, LabelTotal } from "./chart-model";
import type { Mode } from "./url-state";
import type { RovingBars } from "./use-roving-bars";
import { unusualNote } from "./spike-text";
import type { Spike } from "./spikes";

const PLOT_HEIGHT = 64;
const AXIS_HEIGHT = 18;

/**
 * Where to put the date ticks: evenly spaced, counted back from the last bucket (the newest is
 * the one people look for), so no two labels crowd each other.
 */
function tickBuckets(buckets: string[], width: number): Set<string> {
  const room = Math.max(2, Math.floor(width / 70));
  const every = Math.max(1, Math.ceil((buckets.length - 1) / (room - 1)));
  return new Set(buckets.filter((_, i) => (buckets.length - 1 - i) % every === 0));
}

/**
 * One label's small chart: a bar per bucket on the scale every panel shares, partial periods
 * faded with a dashed outline. Each bucket is a full-height button (a target a finger can hit,
 * zero included), one tab stop for the whole grid through `roving`.
 */
export function MultiplePanel({
  label,
  total,
  model,
  granularity,
  mode,
  max,
  width,
  bars,
  roving,
  onPoint,
  previous,
  spikes,
}: {
  label: LabelSeries;
  total: LabelTotal;
  model: ChartModel;
  granularity: Granularity;
  mode: Mode;
  max: number;
  width: number;
  bars: BarActions;
  roving: RovingBars;
  onPoint: (bucket: string | undefined) => void;
  /** The window before, in the same mode, period by period: drawn as a faint dotted line. */
  previous?: readonly number[] | undefined;
  /** This label's unusual periods, marked ▼ over their bars. */
  spikes: ReadonlyMap<string, Spike> | undefined;
}) {
  const n = model.buckets.length;
  const column = width / Math.max(n, 1);
  const gap = Math.min(2, column * 0.2);
  const ticks = tickBuckets(model.buckets, width);
  const headingId = `multiple-${label.id}`;
  const cells = model.buckets.map((bucket, i) => {
    const count = model.cell(label.id, bucket).count;
    const value = mode === "rate" ? (rate(count, model.activity(bucket).count) ?? 0) : count;
    return { bucket, count, partial: model.partial(bucket), spike: spikes?.get(`${label.id}|${bucket}`), x: i * column, height: barHeight(value, max, PLOT_HEIGHT) };
  });
  const barPath = (drawn: typeof cells) => barsPath(drawn, column, gap, PLOT_HEIGHT);
  return (
    <div className="multiple">
      <h2 className="multiple__head" id={headingId}>
        <span className="swatch" style={{ background: label.colour }} aria-hidden="true" />
        {label.name}
        <span className="multiple__total">
          {formatCount(total.count)} {total.count === 1 ? "message" : "messages"} · {formatRate(total.rate)}
        </span>
      </h2>
      <svg width={width} height={PLOT_HEIGHT + AXIS_HEIGHT} className="multiple__plot" role="group" aria-labelledby={headingId}>
        <line x1={0} x2={width} y1={PLOT_HEIGHT + 0.5} y2={PLOT_HEIGHT + 0.5} className="multiple__baseline" />
        {/* The bars as two shapes (whole periods, partial ones), not one element per bar: a
            dozen panels of 31 days re-mount fast enough to feel instant. */}
        <path className="multiple__bar" d={barPath(cells.filter((c) => !c.partial))} style={{ fill: label.colour }} />
        <path
          className="multiple__bar multiple__bar--partial"
          d={barPath(cells.filter((c) => c.partial))}
          style={{ fill: label.colour, stroke: label.colour }}
        />
        {previous && max > 0 && (
          <polyline
            className="multiple__previous"
            aria-hidden="true"
            points={previous
              .slice(0, cells.length)
              .map((v, i) => `${(i * column + column / 2).toFixed(1)},${(PLOT_HEIGHT - (v / max) * (PLOT_HEIGHT - 2)).toFixed(1)}`)
              .join(" ")}
          />
        )}
        {cells
          .filter((c) => c.spike)
          .map(({ bucket, x, height }) => {
            // A small downward triangle just over the bar (inside the plot however tall the bar).
            const cx = x + column / 2;
            const tip = Math.max(PLOT_HEIGHT - height - 2, 7);
            return <path key={bucket} className="multiple__spike" aria-hidden="true" d={`M${cx - 4},${tip - 6}L${cx + 4},${tip - 6}L${cx},${tip}Z`} />;
          })}
        {cells.map(({ bucket, count, partial, spike, x }) => (
          <rect
            key={bucket}
            className="multiple__hit"
            x={x}
            y={0}
            width={column}
            height={PLOT_HEIGHT}
            role="button"
            tabIndex={roving.tabIndex(label.id, bucket)}
            aria-disabled={count === 0 || undefined}
            aria-label={barLabel(label.name, bucket, granularity, count, partial, spike && unusualNote(spike))}
            data-bar={barId(label.id, bucket)}
            onClick={() => count > 0 && bars.open(label.id, bucket)}
            onKeyDown={(event) => roving.onKeyDown(event, label.id, bucket)}
            onFocus={() => {
              roving.onFocus(label.id, bucket);
              onPoint(bucket);
              if (count > 0) bars.preview(label.id, bucket);
            }}
            onMouseEnter={() => {
              onPoint(bucket);
              if (count > 0) bars.preview(label.id, bucket);
            }}
          />
        ))}
        {cells
          .filter((c) => ticks.has(c.bucket))
          .map(({ bucket, x }) => (
            <text
              key={bucket}
              className="multiple__tick"
              x={Math.min(Math.max(x + column / 2, 16), width - 16)}
              y={PLOT_HEIGHT + 13}
              textAnchor="middle"
              aria-hidden="true"
            >
              {formatShortDay(bucket)}
            </text>
          ))}
      </svg>
    </div>
  );
}
