import { useLayoutEffect, useMemo, useRef, type KeyboardEvent } from "react";
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { useElementWidth } from "../../components/use-element-width";
import type { Granularity } from "#contract/responses";
import { formatShortDay, type InstantRange } from "../../lib/format/dates";
import { formatCount } from "../../lib/format/numbers";
import { barId, barLabel, type BarActions } from "./bar-label";
import type { ChartModel, LabelSeries } from "./chart-model";
import { ChartTooltipContent } from "./chart-tooltip";
import { ACTIVITY_COLOUR } from "./palette";
import type { Mode } from "./url-state";

const percentTick = (v: number) => `${Math.round(v * 1000) / 10}%`;
const countTick = (v: number) => formatCount(v);


interface SegmentContext {
  label: LabelSeries;
  model: ChartModel;
  granularity: Granularity;
  bars: BarActions;
}

/**
 * One bar segment as a focusable button named "<label>, <bucket>: <n> messages". A render
 * function Recharts calls, not a component; zero counts render nothing to focus.
 */
function renderBarSegment(props: BarShapeProps, { label, model, granularity, bars }: SegmentContext) {
  const bucket = (props.payload as { bucket: string }).bucket;
  const count = model.cell(label.id, bucket).count;
  if (count === 0 || !(props.height > 0)) return null;
  const open = () => bars.open(label.id, bucket);
  const preview = () => bars.preview(label.id, bucket);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open();
    }
  };
  // Tiny counts still get a sliver that can be seen and pointed at.
  const height = Math.max(props.height, 1.5);
  return (
    <rect
      className="chart-bar"
      x={props.x}
      y={props.y + props.height - height}
      width={props.width}
      height={height}
      fill={label.colour}
      role="button"
      tabIndex={0}
      aria-label={barLabel(label.name, bucket, granularity, count)}
      data-bar={barId(label.id, bucket)}
      onClick={open}
      onKeyDown={onKeyDown}
      onMouseEnter={preview}
      onFocus={preview}
    />
  );
}

/**
 * Stacked bars (one stack per bucket, one segment per label) with the activity baseline as a
 * dashed line on its own right-hand axis. Stacked rather than grouped: twelve labels over 31
 * days grouped would be bars a pixel or two wide, while a stack keeps each bucket's make-up
 * readable and every segment large enough to point at, focus and click.
 */
export function OverviewChart({
  model,
  granularity,
  window,
  mode,
  hidden,
  bars,
}: {
  model: ChartModel;
  granularity: Granularity;
  window: InstantRange;
  mode: Mode;
  hidden: ReadonlySet<string>;
  bars: BarActions;
}) {
  const { ref, width } = useElementWidth<HTMLDivElement>(960);
  // Recharts remounts every bar when `data` is a new array (it keys its animation by the
  // array's identity), which would drop a keyboard user's focus on any re-render: keep the
  // points stable unless what they are computed from changes.
  const hiddenKey = [...hidden].sort().join(",");
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- hiddenKey stands for `hidden`
  const points = useMemo(() => model.points(mode, hidden), [model, mode, hiddenKey]);
  // Likewise the shape renderers: stable per label, reading the latest actions when used.
  const barsRef = useRef(bars);
  useLayoutEffect(() => {
    barsRef.current = bars;
  });
  const shapes = useMemo(() => {
    const latest: BarActions = {
      open: (label, bucket) => barsRef.current.open(label, bucket),
      preview: (label, bucket) => barsRef.current.preview(label, bucket),
    };
    return new Map(
      model.labels.map((label) => [
        label.id,
        (props: BarShapeProps) => renderBarSegment(props, { label, model, granularity, bars: latest }),
      ]),
    );
  }, [model, granularity]);
  const visible = model.labels.filter((l) => !hidden.has(l.id));

  // The same element object makes React skip the whole chart on unrelated re-renders.
  const windowKey = `${window.fromMs}-${window.toMs}`;
  const chart = useMemo(
    () => (
      <ComposedChart
        width={width}
        height={380}
        data={points}
        margin={{ top: 10, right: 12, bottom: 4, left: 12 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke="#e5e7eb" />
        <XAxis dataKey="bucket" tickFormatter={formatShortDay} tick={{ fontSize: 12 }} minTickGap={12} />
        <YAxis
          yAxisId="labels"
          tickFormatter={mode === "rate" ? percentTick : countTick}
          tick={{ fontSize: 12 }}
          width={56}
          label={{ value: mode === "rate" ? "Share of VIP messages" : "Labeled messages", angle: -90, position: "insideLeft", style: { fontSize: 12, fill: "#5d6679" } }}
        />
        <YAxis
          yAxisId="activity"
          orientation="right"
          tickFormatter={countTick}
          tick={{ fontSize: 12 }}
          width={64}
          label={{ value: "All VIP messages", angle: 90, position: "insideRight", style: { fontSize: 12, fill: "#5d6679" } }}
        />
        <Tooltip
          isAnimationActive={false}
          cursor={{ fill: "rgba(59, 76, 202, 0.06)" }}
          content={({ label }) => (
            <ChartTooltipContent
              bucket={label === undefined ? undefined : String(label)}
              model={model}
              granularity={granularity}
              window={window}
              hidden={hidden}
            />
          )}
        />
        {visible.map((label) => (
          <Bar
            key={label.id}
            yAxisId="labels"
            dataKey={label.id}
            name={label.name}
            stackId="labels"
            fill={label.colour}
            isAnimationActive={false}
            shape={shapes.get(label.id)}
          />
        ))}
        <Line
          yAxisId="activity"
          dataKey="activity"
          name="All VIP messages"
          stroke={ACTIVITY_COLOUR}
          strokeWidth={2}
          strokeDasharray="5 4"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    ),
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- windowKey and hiddenKey stand for window and hidden
    [width, points, mode, granularity, model, shapes, windowKey, hiddenKey],
  );

  return (
    <div ref={ref} className="chart-frame">
      {chart}
    </div>
  );
}
