import { useState } from "react";
import type { TrendGranularity } from "#contract/trend-windows";
import { useElementWidth } from "../../components/use-element-width";
import { formatDays } from "../../lib/format/dates";
import { formatCount, formatRate, rate } from "../../lib/format/numbers";
import type { BarActions } from "./bar-label";
import type { ChartModel } from "./chart-model";
import type { Comparison } from "./comparison";
import type { EventMarks } from "./event-marks";
import { EventsLane } from "./events-lane";
import { ActivityPanel } from "./activity-panel";
import { MultiplePanel, type PointedBar } from "./multiple-panel";
import type { Mode } from "./url-state";
import { useRovingBars } from "./use-roving-bars";
import type { Spike } from "#contract/unusual-periods";
import { describeBucket } from "./window";

/**
 * Small multiples: one small chart per label on a shared time axis and a shared scale. A message
 * can carry several labels, so labels are never stacked into a total here: each panel is read
 * on its own (count, or share of all VIP messages) and panels compare by position.
 */
export function LabelMultiples({
  model,
  granularity,
  mode,
  hidden,
  bars,
  previous,
  spikes,
  ownScale,
  onOwnScaleChange,
  marks,
}: {
  model: ChartModel;
  granularity: TrendGranularity;
  mode: Mode;
  hidden: ReadonlySet<string>;
  bars: BarActions;
  /** The window before, for a faint line period by period (same position in the window). */
  previous: Comparison | undefined;
  /** Unusual periods (`label|bucket`), once they are known. */
  spikes: ReadonlyMap<string, Spike> | undefined;
  /** Labels drawn on their own scale (in the URL, so a shared link shows the same). */
  ownScale: readonly string[];
  onOwnScaleChange: (labels: string[]) => void;
  /** The team's events: a lane over the chart, and named in each bar's name. */
  marks: EventMarks;
}) {
  const { ref, width } = useElementWidth<HTMLDivElement>(960);
  const [pointed, setPointed] = useState<PointedBar>();
  const visible = model.labels.filter((l) => !hidden.has(l.id));
  const totals = new Map(model.totals().map((t) => [t.label.id, t]));
  const roving = useRovingBars({
    labels: visible.map((l) => l.id),
    buckets: model.buckets,
    exists: () => true,
    open: (label, bucket) => model.cell(label, bucket).count > 0 && bars.open(label, bucket),
  });

  const valueOf = (label: string, bucket: string) => {
    const count = model.cell(label, bucket).count;
    return mode === "rate" ? (rate(count, model.activity(bucket).count) ?? 0) : count;
  };
  const previousOf = (label: string): number[] | undefined => {
    const counts = previous?.counts.get(label);
    if (!previous || !counts) return undefined;
    return counts.map((c, i) => (mode === "rate" ? (rate(c, previous.activity[i] ?? 0) ?? 0) : c));
  };
  const maxOf = (labels: readonly { id: string }[]) =>
    Math.max(0, ...labels.flatMap((l) => model.buckets.map((b) => valueOf(l.id, b))), ...labels.flatMap((l) => previousOf(l.id) ?? []));
  const own = new Set(ownScale);
  // The shared scale is the panels' that share it: a label on its own scale does not squash them.
  const shared = visible.filter((l) => !own.has(l.id));
  const max = maxOf(shared.length > 0 ? shared : visible);
  const toggleOwn = (label: string) => onOwnScaleChange(own.has(label) ? ownScale.filter((l) => l !== label) : [...ownScale, label]);
  // Two columns where there is room for bars a finger or pointer can hit, one on a phone.
  const columns = width >= 760 ? 2 : 1;
  const panelWidth = Math.floor((width - (columns - 1) * 24) / columns);
  const shown = pointed?.bucket ?? roving.active?.bucket;

  return (
    <div ref={ref} className="multiples-frame" onMouseLeave={() => pointed?.how === "pointer" && setPointed(undefined)}>
      <p className="multiples__scale">
        {own.size > 0 ? "Same scale in every panel but those on their own" : "Same scale in every panel"}: 0 to {mode === "rate" ? formatRate(max) : formatCount(max)}
        {mode === "rate" ? " of all VIP messages in the period" : " messages carrying the label"}
        {previous &&
          `. The dotted line is ${previous.kind === "year" ? "the same range a year earlier" : "the window before"} (${formatDays(previous.window.from, previous.window.to)}), period by period.`}
        {spikes && spikes.size > 0 && " ▼ marks an unusual period (see Unusual this period)."}
      </p>
      <p className="multiples__readout">
        {shown ? <BucketReadout model={model} bucket={shown} granularity={granularity} /> : "Point at, tap or focus a bar to read it; click it (or tap it again) to read its messages."}
      </p>
      <EventsLane model={model} marks={marks} width={width} />
      <ActivityPanel model={model} granularity={granularity} width={width} linked={bars.messagesAllowed} />
      {visible.length === 0 ? (
        <p className="muted">Every label is switched off; turn one on above.</p>
      ) : (
        <div className="multiples" data-bars="" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
          {visible.map((label) => (
            <MultiplePanel
              key={label.id}
              label={label}
              total={totals.get(label.id)!}
              model={model}
              granularity={granularity}
              mode={mode}
              max={own.has(label.id) ? maxOf([label]) : max}
              ownScale={own.has(label.id)}
              onToggleOwnScale={() => toggleOwn(label.id)}
              width={panelWidth}
              bars={bars}
              roving={roving}
              pointed={pointed?.label === label.id ? pointed : undefined}
              onPoint={setPointed}
              previous={previous?.counts.get(label.id) ? { name: previous.kind === "year" ? "A year earlier" : "Window before", counts: previous.counts.get(label.id)!, activity: previous.activity, values: previousOf(label.id)! } : undefined}
              spikes={spikes}
              marks={marks}
            />
          ))}
        </div>
      )}
    </div>
  );
}

/** The period under the pointer or focus: its UTC span, baseline and partial note. */
function BucketReadout({ model, bucket, granularity }: { model: ChartModel; bucket: string; granularity: TrendGranularity }) {
  const activity = model.activity(bucket);
  const partial = model.partial(bucket);
  return (
    <>
      <strong>{describeBucket(bucket, granularity)} (UTC)</strong>
      {partial && <span className="partial-tag"> {partial}</span>}
      {" · "}
      {model.pending(bucket)
        ? "loading…"
        : `${formatCount(activity.count)} VIP messages${activity.uniqueConversations === undefined ? "" : ` in ${formatCount(activity.uniqueConversations)} conversations`}`}
    </>
  );
}
