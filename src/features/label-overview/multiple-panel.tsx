import type { TrendGranularity } from "#contract/trend-windows";
import { useRef } from "react";
import { formatCount, formatRate, rate } from "../../lib/format/numbers";
import { barId, barLabel, type BarActions } from "./bar-label";
import { BarReadout } from "./bar-readout";
import { barHeight, barsPath } from "./bar-path";
import type { ChartModel, LabelSeries, LabelTotal } from "./chart-model";
import type { Mode } from "./url-state";
import type { RovingBars } from "./use-roving-bars";
import { unusualNote } from "./spike-text";
import type { Spike } from "#contract/unusual-periods";
import { yTicks } from "./y-ticks";
import type { EventMarks } from "./event-marks";
import { bucketTick, describeBucket } from "./window";

const PLOT_HEIGHT = 64;
const AXIS_HEIGHT = 18;
/** Room at the left for the light y-axis tick values. */
const AXIS_LEFT = 38;
/** The readout's widest (its CSS max-width, 15rem), to choose the side it fits on. */
const READOUT_WIDTH = 240;

/** A bar being read: by the pointer (hover), keyboard focus, or a tap (touch has no hover). */
export interface PointedBar {
  label: string;
  bucket: string;
  how: "pointer" | "focus" | "tap";
}

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
 * One label's small chart: a bar per bucket on the scale every panel shares (or its own, when
 * the reader asks for it: a label at 0.9 % is a flat line on a 0–20 % scale), light y ticks,
 * partial periods faded with a dashed outline. Each bucket is a full-height button (a target a
 * finger can hit, zero included), one tab stop for the whole grid through `roving`. Pointing at,
 * focusing or tapping a bar shows its readout beside it; a click, Enter, or a second tap opens
 * its messages.
 */
export function MultiplePanel({
  label,
  total,
  model,
  granularity,
  mode,
  max,
  ownScale,
  onToggleOwnScale,
  width,
  bars,
  roving,
  pointed,
  onPoint,
  previous,
  spikes,
  marks,
}: {
  label: LabelSeries;
  total: LabelTotal;
  model: ChartModel;
  granularity: TrendGranularity;
  mode: Mode;
  /** The top of this panel's scale: every panel's, or this label's own. */
  max: number;
  ownScale: boolean;
  onToggleOwnScale: () => void;
  width: number;
  bars: BarActions;
  roving: RovingBars;
  /** The bar being read in this panel, if any. */
  pointed: PointedBar | undefined;
  onPoint: (bar: PointedBar | undefined) => void;
  /**
   * The window before, period by period: its counts and all VIP messages (for the readout), and
   * the values plotted in this mode (for the faint line, on the panel's scale).
   */
  previous?: { name: string; counts: readonly number[]; activity: readonly number[]; values: readonly number[] } | undefined;
  /** This label's unusual periods, marked ▼ over their bars. */
  spikes: ReadonlyMap<string, Spike> | undefined;
  /** The team's events, named in each bar's name. */
  marks: EventMarks;
}) {
  const lastPointer = useRef<string>("mouse");
  const n = model.buckets.length;
  const plotWidth = Math.max(width - AXIS_LEFT, 10);
  const column = plotWidth / Math.max(n, 1);
  const gap = Math.min(2, column * 0.2);
  const ticks = tickBuckets(model.buckets, plotWidth);
  const headingId = `multiple-${label.id}`;
  const readoutId = `readout-${label.id}`;
  const previousValues = previous?.values;
  const valueText = (v: number) => (mode === "rate" ? formatRate(v) : formatCount(v));
  const cells = model.buckets.map((bucket, i) => {
    const count = model.cell(label.id, bucket).count;
    const value = mode === "rate" ? (rate(count, model.activity(bucket).count) ?? 0) : count;
    const pending = model.pending(bucket);
    return { bucket, count, pending, partial: model.partial(bucket), spike: spikes?.get(`${label.id}|${bucket}`), x: AXIS_LEFT + i * column, height: pending ? 0 : barHeight(value, max, PLOT_HEIGHT) };
  });
  const barPath = (drawn: typeof cells) => barsPath(drawn, column, gap, PLOT_HEIGHT);
  const read = pointed && cells.find((c) => c.bucket === pointed.bucket);
  const readIndex = read ? model.buckets.indexOf(read.bucket) : -1;
  // Beside the bar, on whichever side has room for it; on a narrow panel with room on
  // neither side, just under the plot, kept inside the panel.
  const readoutStyle: React.CSSProperties | undefined = !read
    ? undefined
    : width - (read.x + column + 6) >= READOUT_WIDTH
      ? { left: read.x + column + 6 }
      : read.x - 6 >= READOUT_WIDTH
        ? { right: width - read.x + 6 }
        : { left: Math.max(0, Math.min(read.x + column / 2 - READOUT_WIDTH / 2, width - READOUT_WIDTH)), top: PLOT_HEIGHT + 4 };
  const click = (bucket: string, count: number) => {
    if (lastPointer.current === "touch" && !(pointed?.how === "tap" && pointed.bucket === bucket)) {
      onPoint({ label: label.id, bucket, how: "tap" });
      if (count > 0) bars.preview(label.id, bucket);
      return;
    }
    if (count > 0) bars.open(label.id, bucket);
  };
  return (
    <div className="multiple multiple--label">
      <div className="multiple__head">
        <h2 className="multiple__title" id={headingId}>
          <span className="swatch" style={{ background: label.colour }} aria-hidden="true" />
          {label.name}
        </h2>
        <span className="multiple__total">
          {formatCount(total.count)} {total.count === 1 ? "message" : "messages"} · {formatRate(total.rate)}
        </span>
      </div>
      <div className="multiple__figure">
        <svg width={width} height={PLOT_HEIGHT + AXIS_HEIGHT} className="multiple__plot" role="group" aria-labelledby={headingId}>
          {yTicks(max).map((v) => {
            const y = PLOT_HEIGHT - (v / max) * (PLOT_HEIGHT - 2);
            return (
              <g key={v} aria-hidden="true">
                <line className="multiple__grid" x1={AXIS_LEFT} x2={width} y1={y + 0.5} y2={y + 0.5} />
                <text className="multiple__tick multiple__tick--y" x={AXIS_LEFT - 4} y={y + 4} textAnchor="end">
                  {valueText(v)}
                </text>
              </g>
            );
          })}
          <line x1={AXIS_LEFT} x2={width} y1={PLOT_HEIGHT + 0.5} y2={PLOT_HEIGHT + 0.5} className="multiple__baseline" />
          {/* The bars as two shapes (whole periods, partial ones), not one element per bar: a
              dozen panels of 31 days re-mount fast enough to feel instant. */}
          <path className="multiple__bar" d={barPath(cells.filter((c) => !c.partial && !c.pending))} style={{ fill: label.colour }} />
          <path
            className="multiple__bar multiple__bar--partial"
            d={barPath(cells.filter((c) => c.partial && !c.pending))}
            style={{ fill: label.colour, stroke: label.colour }}
          />
          {/* A period whose numbers have not arrived: a light placeholder, never a zero bar. */}
          {cells
            .filter((c) => c.pending)
            .map(({ bucket, x }) => (
              <rect key={bucket} className="multiple__pending" x={x + gap / 2} y={PLOT_HEIGHT * 0.35} width={Math.max(column - gap, 1)} height={PLOT_HEIGHT * 0.65} aria-hidden="true" />
            ))}
          {previousValues && max > 0 && (
            <polyline
              className="multiple__previous"
              aria-hidden="true"
              points={previousValues
                .slice(0, cells.length)
                .map((v, i) => `${(AXIS_LEFT + i * column + column / 2).toFixed(1)},${(PLOT_HEIGHT - (Math.min(v, max) / max) * (PLOT_HEIGHT - 2)).toFixed(1)}`)
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
          {cells.map(({ bucket, count, pending, partial, spike, x }) => (
            <rect
              key={bucket}
              className="multiple__hit"
              x={x}
              y={0}
              width={column}
              height={PLOT_HEIGHT}
              role="button"
              tabIndex={roving.tabIndex(label.id, bucket)}
              aria-disabled={count === 0 || pending || undefined}
              aria-label={
                pending ? `${label.name}, ${describeBucket(bucket, granularity)}: loading` : barLabel(label.name, bucket, granularity, count, partial, spike && unusualNote(spike), marks.textAt(bucket))
              }
              aria-describedby={read?.bucket === bucket ? readoutId : undefined}
              data-bar={barId(label.id, bucket)}
              data-pointed={read?.bucket === bucket || undefined}
              onPointerDown={(event) => void (lastPointer.current = event.pointerType)}
              onClick={() => click(bucket, count)}
              onKeyDown={(event) => roving.onKeyDown(event, label.id, bucket)}
              onFocus={() => {
                roving.onFocus(label.id, bucket);
                if (pointed?.how !== "tap" || pointed.bucket !== bucket) onPoint({ label: label.id, bucket, how: "focus" });
                if (count > 0) bars.preview(label.id, bucket);
              }}
              onBlur={() => pointed?.how === "focus" && onPoint(undefined)}
              onMouseEnter={() => {
                if (pointed?.how === "tap") return;
                onPoint({ label: label.id, bucket, how: "pointer" });
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
                x={Math.min(Math.max(x + column / 2, AXIS_LEFT + 16), width - 16)}
                y={PLOT_HEIGHT + 13}
                textAnchor="middle"
                aria-hidden="true"
              >
                {bucketTick(bucket, granularity)}
              </text>
            ))}
        </svg>
        {read && readoutStyle && (
          <BarReadout
            id={readoutId}
            data={{
              label,
              bucket: read.bucket,
              previous: previous && readIndex >= 0 && readIndex < previous.counts.length ? { name: previous.name, count: previous.counts[readIndex]!, activity: previous.activity[readIndex] ?? 0 } : undefined,
              spike: read.spike,
            }}
            model={model}
            granularity={granularity}
            style={readoutStyle}
            onOpen={pointed?.how === "tap" ? () => bars.open(label.id, read.bucket) : undefined}
            events={marks.at(read.bucket)}
          />
        )}
      </div>
      {/* After the plot in the document (shown in the heading row), so Tab goes from the
          chart's one stop to these, not through them. */}
      <button
        type="button"
        className="multiple__scale-toggle"
        aria-pressed={ownScale}
        aria-label={`Own scale for ${label.name}`}
        title={ownScale ? "Back to the scale every panel shares" : "Scale this panel to its own highest value"}
        onClick={onToggleOwnScale}
      >
        Own scale
      </button>
    </div>
  );
}
