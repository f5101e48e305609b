import type { Granularity } from "#contract/responses";
import { formatShortDay } from "../../lib/format/dates";
import { formatCount, formatRate, rate } from "../../lib/format/numbers";
import { barId, barLabel, type BarActions } from "./bar-label";
import type { ChartModel, LabelSeries, LabelTotal } from "./chart-model";
import type { Mode } from "./url-state";
import type { RovingBars } from "./use-roving-bars";

const PLOT_HEIGHT = 64;
const AXIS_HEIGHT = 18;

/** Where to put the date ticks: the first and last bucket and a few in between. */
function tickBuckets(buckets: string[], width: number): Set<string> {
  const room = Math.max(2, Math.floor(width / 70));
  const every = Math.max(1, Math.ceil((buckets.length - 1) / (room - 1)));
  return new Set(buckets.filter((_, i) => i % every === 0 || i === buckets.length - 1));
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
}) {
  const n = model.buckets.length;
  const column = width / Math.max(n, 1);
  const gap = Math.min(2, column * 0.2);
  const ticks = tickBuckets(model.buckets, width);
  const headingId = `multiple-${label.id}`;
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
        {model.buckets.map((bucket, i) => {
          const row = model.cell(label.id, bucket);
          const value = mode === "rate" ? (rate(row.count, model.activity(bucket).count) ?? 0) : row.count;
          const partial = model.partial(bucket);
          const drawn = max > 0 && value > 0 ? Math.max(1.5, (value / max) * (PLOT_HEIGHT - 2)) : 0;
          const x = i * column;
          const id = barId(label.id, bucket);
          return (
            <g key={bucket}>
              {drawn > 0 && (
                <rect
                  className={partial ? "multiple__bar multiple__bar--partial" : "multiple__bar"}
                  x={x + gap / 2}
                  y={PLOT_HEIGHT - drawn}
                  width={Math.max(column - gap, 1)}
                  height={drawn}
                  style={{ fill: label.colour, stroke: partial ? label.colour : undefined }}
                />
              )}
              <rect
                className="multiple__hit"
                x={x}
                y={0}
                width={column}
                height={PLOT_HEIGHT}
                role="button"
                tabIndex={roving.tabIndex(label.id, bucket)}
                aria-disabled={row.count === 0 || undefined}
                aria-label={barLabel(label.name, bucket, granularity, row.count, partial)}
                data-bar={id}
                onClick={() => row.count > 0 && bars.open(label.id, bucket)}
                onKeyDown={(event) => roving.onKeyDown(event, label.id, bucket)}
                onFocus={() => {
                  roving.onFocus(label.id, bucket);
                  onPoint(bucket);
                  if (row.count > 0) bars.preview(label.id, bucket);
                }}
                onMouseEnter={() => {
                  onPoint(bucket);
                  if (row.count > 0) bars.preview(label.id, bucket);
                }}
              />
              {ticks.has(bucket) && (
                <text
                  className="multiple__tick"
                  x={Math.min(Math.max(x + column / 2, 16), width - 16)}
                  y={PLOT_HEIGHT + 13}
                  textAnchor="middle"
                  aria-hidden="true"
                >
                  {formatShortDay(bucket)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
