import { useLayoutEffect, useMemo, useRef } from "react";
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { useElementWidth } from "../../components/use-element-width";
import type { TrendGranularity } from "#contract/trend-windows";
import type { InstantRange } from "../../lib/format/dates";
import type { EventMarks } from "./event-marks";
import { EventsLane } from "./events-lane";
import { bucketTick } from "./window";
import { formatCount } from "../../lib/format/numbers";
import { barId, barLabel, type BarActions } from "./bar-label";
import type { ChartModel, LabelSeries } from "./chart-model";
import { ChartTooltipContent } from "./chart-tooltip";
import { useRovingBars, type RovingBars } from "./use-roving-bars";
import { unusualNote } from "./spike-text";
import type { Spike } from "#contract/unusual-periods";

const countTick = (v: number) => formatCount(v);

interface SegmentContext {
  label: LabelSeries;
  model: ChartModel;
  granularity: TrendGranularity;
  bars: BarActions;
  roving: RovingBars;
  spikes: { readonly current: ReadonlyMap<string, Spike> | undefined };
  marks: EventMarks;
}

/** A segment's name, with the note of an unusual period when it is one. */
function barName(label: LabelSeries, bucket: string, model: ChartModel, granularity: TrendGranularity, spikes: ReadonlyMap<string, Spike> | undefined, marks: EventMarks) {
  const spike = spikes?.get(barId(label.id, bucket));
  return barLabel(label.name, bucket, granularity, model.cell(label.id, bucket).count, model.partial(bucket), spike && unusualNote(spike), marks.textAt(bucket));
}

/**
 * One bar segment as a button named "<label>, <bucket>: <n> messages" (with its partial note),
 * one tab stop for the chart through `roving`. A render function Recharts calls, not a
 * component; zero counts render nothing to focus.
 */
function renderBarSegment(props: BarShapeProps, { label, model, granularity, bars, roving, spikes, marks }: SegmentContext) {
  const bucket = (props.payload as { bucket: string }).bucket;
  const count = model.cell(label.id, bucket).count;
  if (count === 0 || !(props.height > 0)) return null;
  const partial = model.partial(bucket);
  const preview = () => bars.preview(label.id, bucket);
  // Tiny counts still get a sliver that can be seen and pointed at.
  const height = Math.max(props.height, 1.5);
  return (
    <rect
      className={`chart-bar${partial ? " chart-bar--partial" : ""}${spikes.current?.has(barId(label.id, bucket)) ? " chart-bar--unusual" : ""}`}
      x={props.x}
      y={props.y + props.height - height}
      width={props.width}
      height={height}
      style={{ fill: label.colour, stroke: partial ? label.colour : undefined }}
      role="button"
      tabIndex={roving.tabIndex(label.id, bucket)}
      aria-label={barName(label, bucket, model, granularity, spikes.current, marks)}
      data-bar={barId(label.id, bucket)}
      onClick={() => bars.open(label.id, bucket)}
      onKeyDown={(event) => roving.onKeyDown(event, label.id, bucket)}
      onMouseEnter={preview}
      onFocus={() => {
        roving.onFocus(label.id, bucket);
        preview();
      }}
    />
  );
}

/**
 * Label tags stacked per period (one segment per label), with all VIP messages as a dashed line
 * on its own right-hand axis. A message can carry several labels, so a stack's height counts
 * tags, not messages, and only counts are stacked: shares of overlapping labels do not add up.
 */
export function TagStackChart({
  model,
  granularity,
  window,
  hidden,
  bars,
  spikes,
  marks,
}: {
  model: ChartModel;
  granularity: TrendGranularity;
  window: InstantRange;
  /** The team's events: a lane over the plot, and named in each segment's name. */
  marks: EventMarks;
  hidden: ReadonlySet<string>;
  bars: BarActions;
  /** Unusual periods: their segments' names say so (they arrive after the bars). */
  spikes: ReadonlyMap<string, Spike> | undefined;
}) {
  const { ref, width } = useElementWidth<HTMLDivElement>(960);
  // Recharts remounts every bar when `data` is a new array (it keys its animation by the
  // array's identity), which would drop a keyboard user's focus on any re-render: keep the
  // points stable unless what they are computed from changes.
  const hiddenKey = [...hidden].sort().join(",");
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- hiddenKey stands for `hidden`
  const points = useMemo(() => model.points("count", hidden), [model, hiddenKey]);
  const visible = model.labels.filter((l) => !hidden.has(l.id));
  const roving = useRovingBars({
    labels: visible.map((l) => l.id),
    buckets: model.buckets,
    exists: (label, bucket) => model.cell(label, bucket).count > 0,
    open: (label, bucket) => bars.open(label, bucket),
  });
  // Likewise the shape renderers: stable per label, reading the latest actions when used.
  const barsRef = useRef(bars);
  const rovingRef = useRef(roving);
  const spikesRef = useRef(spikes);
  const marksRef = useRef(marks);
  useLayoutEffect(() => {
    marksRef.current = marks;
    barsRef.current = bars;
    rovingRef.current = roving;
    spikesRef.current = spikes;
  });
  const shapes = useMemo(() => {
    const latest: BarActions = {
      open: (label, bucket) => barsRef.current.open(label, bucket),
      preview: (label, bucket) => barsRef.current.preview(label, bucket),
      get messagesAllowed() {
        return barsRef.current.messagesAllowed;
      },
    };
    const latestRoving: RovingBars = {
      get active() {
        return rovingRef.current.active;
      },
      tabIndex: (label, bucket) => rovingRef.current.tabIndex(label, bucket),
      onFocus: (label, bucket) => rovingRef.current.onFocus(label, bucket),
      onKeyDown: (event, label, bucket) => rovingRef.current.onKeyDown(event, label, bucket),
    };
    return new Map(
      model.labels.map((label) => [
        label.id,
        (props: BarShapeProps) => renderBarSegment(props, { label, model, granularity, bars: latest, roving: latestRoving, spikes: spikesRef, get marks() { return marksRef.current; } }),
      ]),
    );
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- hiddenKey stands for `hidden`
  }, [model, granularity, hiddenKey]);
  // Recharts replaces every segment when its shape renderers change, and a segment replaced
  // between press and release gets no click. So the renderers stay put, and when the tab stop
  // moves the segments' tabindex (DOM that Recharts owns) is set here rather than re-rendered;
  // so is the note of an unusual period, known only once the four weeks before have arrived.
  useLayoutEffect(() => {
    for (const segment of ref.current?.querySelectorAll<SVGElement>("[data-bar]") ?? []) {
      const id = segment.dataset.bar ?? "";
      const cut = id.lastIndexOf("|"); // the bucket (a date) comes last; a label id may hold anything
      const [label, bucket] = [id.slice(0, cut), id.slice(cut + 1)];
      segment.setAttribute("tabindex", String(rovingRef.current.tabIndex(label, bucket)));
      const series = model.labels.find((l) => l.id === label);
      if (series) segment.setAttribute("aria-label", barName(series, bucket, model, granularity, spikes, marks));
      // The chart's mark of an unusual period: a dark outline (the segments are too thin for a ▼).
      segment.classList.toggle("chart-bar--unusual", spikes?.has(id) === true);
    }
  });

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
        <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
        <XAxis dataKey="bucket" tickFormatter={(bucket: string) => bucketTick(bucket, granularity)} tick={{ fontSize: 12 }} minTickGap={12} />
        <YAxis
          yAxisId="labels"
          tickFormatter={countTick}
          tick={{ fontSize: 12 }}
          width={56}
          label={{ value: "Label tags", angle: -90, position: "insideLeft", style: { fontSize: 12, fill: "var(--muted)" } }}
        />
        <YAxis
          yAxisId="activity"
          orientation="right"
          tickFormatter={countTick}
          tick={{ fontSize: 12 }}
          width={64}
          label={{ value: "All VIP messages", angle: 90, position: "insideRight", style: { fontSize: 12, fill: "var(--muted)" } }}
        />
        <Tooltip
          isAnimationActive={false}
          cursor={{ fill: "rgba(59, 76, 202, 0.06)" }}
          content={({ label }) => (
            <ChartTooltipContent
              bucket={label === undefined ? undefined : String(label)}
              model={model}
              granularity={granularity}
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
          className="activity-line"
          stroke="currentColor"
          strokeWidth={2}
          strokeDasharray="5 4"
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    ),
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- windowKey and hiddenKey stand for window and hidden
    [width, points, granularity, model, shapes, windowKey, hiddenKey],
  );

  return (
    <div ref={ref} className="chart-frame" data-bars="">
      {/* Over the plot area: the chart's margins and the two axes' widths. */}
      <EventsLane model={model} marks={marks} width={width} left={12 + 56} right={12 + 64} />
      {chart}
    </div>
  );
}
