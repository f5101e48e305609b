import { HowToRead } from "../../components/how-to-read";
import { lazy, Suspense, useMemo, type ReactNode } from "react";
import type { TeamEvent } from "#contract/events";
import { ErrorBoundary } from "../../components/error-boundary";
import { EmptyState, SkeletonBlock } from "../../components/feedback";
import { QueryError } from "../../components/query-error";
import { downloadText } from "../../lib/download";
import { formatDays, formatWindow } from "../../lib/format/dates";
import { markEvents, NO_EVENTS } from "./event-marks";
import { TrendProgressBar } from "./trend-progress";
import { trendRowsCsv } from "./trend-rows-csv";
import type { OverviewLoad } from "./use-labels-overview";
import type { TrendProgress } from "./use-long-trend";
import { ChartLegend } from "./chart-legend";
import type { BarActions } from "./bar-label";
import type { ChartModel } from "./chart-model";
import type { Comparison } from "./comparison";
import { LabelMultiples } from "./label-multiples";
import { OverviewDataTable } from "./overview-data-table";
import { TotalsTable } from "./totals-table";
import { plottedMode, type LabelsView } from "./url-state";
import { WindowControls } from "./window-controls";
import { UnusualList } from "./unusual-list";
import type { SpikeState } from "./use-spikes";

/** The stacked chart needs Recharts, the largest library here: it loads only when chosen. */
const TagStackChart = lazy(async () => ({ default: (await import("./tag-stack-chart")).TagStackChart }));

/** What each presentation plots, said where the reader looks; labels overlap, and it matters. */
const PRESENTATION_NOTES: Record<LabelsView["presentation"], string> = {
  multiples:
    "One small chart per label, on the same scale. A message can carry several labels, so each label is read on its own and they do not add up. Faded bars are periods not yet over or cut by the window.",
  stack:
    "Label tags stacked per period: a message can carry several labels, so a stack counts tags, not messages. The dashed line counts each VIP message once. Faded bars are periods not yet over or cut by the window; a dark outline marks an unusual period.",
  table: "A message can carry several labels, so a row's labels do not add up to its messages.",
};

const CAPTIONS = {
  day: "Days are UTC",
  week: "Weeks are UTC, Monday to Sunday; the first and last are clipped to the window",
  month: "Months are UTC calendar months; the first and last are clipped to the window",
} as const;

/**
 * The Labels view's body: controls, then the chart (or its table) and totals for the window.
 * The route owns the overview query and the model (the drill-down reads them too).
 */
export function LabelOverviewPanel({
  view,
  onChange,
  now,
  windowProblem,
  query,
  model,
  previous,
  bars,
  spikes,
  headerActions,
  progress,
  events,
  below,
}: {
  view: LabelsView;
  onChange: (patch: Partial<LabelsView>) => void;
  now: number;
  windowProblem: string | undefined;
  /** How the numbers are loading: one overview call, or a long trend's windows. */
  query: OverviewLoad;
  /** A long trend's fill: how far it is, Stop, and Retry per failed window. */
  progress?: TrendProgress | undefined;
  /** The team's events in the range, marked on every chart. */
  events: readonly TeamEvent[];
  /** What the route shows under the chart (the events' list and editor). */
  below?: ReactNode;
  model: ChartModel | undefined;
  /** The previous window's totals, once they have arrived. */
  previous: Comparison | undefined;
  bars: BarActions;
  /** Unusual periods of the window (judged against the four weeks before each). */
  spikes: SpikeState;
  /** What the route adds beside the heading (a link to get alerts). */
  headerActions?: ReactNode;
}) {
  const found = spikes.status === "ready" ? spikes.spikes : undefined;
  const previousDays = previous ? Math.round((Date.parse(previous.window.to) - Date.parse(previous.window.from)) / 86_400_000) + 1 : 0;
  const hidden = new Set(view.hidden);
  const data = query.data;
  const marks = useMemo(() => (model ? markEvents(model, events) : NO_EVENTS), [model, events]);
  const rangeName = `${view.from}_to_${view.to}-${view.granularity}`;
  const toggle = (id: string) =>
    onChange({ hidden: hidden.has(id) ? view.hidden.filter((h) => h !== id) : [...view.hidden, id] });

  let body;
  if (windowProblem) {
    body = (
      <p className="notice notice--warning" role="alert">
        {windowProblem}
      </p>
    );
  } else if (query.isError && !data) {
    body = <QueryError error={query.error} what="the label overview" onRetry={() => void query.refetch()} />;
  } else if (!model) {
    body = <SkeletonBlock label="Loading the label overview" height={420} />;
  } else if (model.activityTotal === 0 && (!progress || progress.arrived === progress.total)) {
    // A window that has not begun is not a quiet one: say which it is.
    body = model.window.fromMs > now ? <EmptyState title="This window is in the future">Its days have not begun yet (UTC); pick a window up to today.</EmptyState> : <EmptyState title="No VIP messages in this window" />;
  } else {
    body = (
      <>
        {query.isError && <QueryError error={query.error} what="the label overview" onRetry={() => void query.refetch()} />}
        <p className="chart-caption">
          {CAPTIONS[model.granularity]}
          {" · "}Window {formatWindow(model.window)}
          {query.isFetching && <span className="muted"> · updating…</span>}
        </p>
        <HowToRead>
          <p className="chart-caption">{PRESENTATION_NOTES[view.presentation]}</p>
        </HowToRead>
        <ChartLegend labels={model.labels} hidden={hidden} onToggle={toggle} />
        <div className="labels-layout">
          <div aria-busy={query.isFetching}>
            <ErrorBoundary what="the label chart">
              {view.presentation === "table" && (
                <OverviewDataTable model={model} granularity={model.granularity} mode={view.mode} hidden={hidden} bars={bars} spikes={found} marks={marks} />
              )}
              {view.presentation === "stack" && (
                <Suspense fallback={<SkeletonBlock label="Loading the stacked chart" height={380} />}>
                  <TagStackChart model={model} granularity={model.granularity} window={model.window} hidden={hidden} bars={bars} spikes={found} marks={marks} />
                </Suspense>
              )}
              {view.presentation === "multiples" && (
                <LabelMultiples
                  model={model}
                  granularity={model.granularity}
                  mode={plottedMode(view)}
                  hidden={hidden}
                  bars={bars}
                  previous={previous}
                  spikes={found}
                  ownScale={view.ownScale}
                  onOwnScaleChange={(ownScale) => onChange({ ownScale })}
                  marks={marks}
                />
              )}
            </ErrorBoundary>
            <div className="table-tools">
              <button
                type="button"
                className="button button--secondary"
                disabled={model.buckets.some((b) => model.pending(b))}
                title={model.buckets.some((b) => model.pending(b)) ? "Some periods are still loading" : undefined}
                onClick={() => downloadText(trendRowsCsv(model, hidden, marks), `vip-labels-${rangeName}-rows.csv`)}
              >
                Download as rows (CSV)
              </button>
            </div>
            {below}
          </div>
          <div className="totals">
            <UnusualList state={spikes} model={model} granularity={model.granularity} bars={bars} />
            <h2 id="label-totals" tabIndex={-1}>
              Totals for the window
            </h2>
            {previous?.kind === "year" && (
              <p className="chart-caption">
                Compared with the same range a year earlier: {formatDays(previous.window.from, previous.window.to)} (UTC).
              </p>
            )}
            {previous?.kind === "before" && (
              <p className="chart-caption">
                Compared with the {previousDays} days before: {formatDays(previous.window.from, previous.window.to)} (UTC). A label made since has no
                previous count.
                {model.buckets.some((b) => model.partial(b)?.endsWith("so far")) &&
                  " This window is not over yet, so its counts cover less time than the previous one's; the share change does not depend on that."}
              </p>
            )}
            <TotalsTable model={model} granularity={model.granularity} previous={previous} />
          </div>
        </div>
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby="labels-heading">
      <div className="panel__header">
        <div>
          <h1 id="labels-heading">AI conversation labels</h1>
          <p className="panel__sub">VIP user messages carrying each AI label, per UTC {view.granularity}. Click a bar to read its messages.</p>
        </div>
        {headerActions}
      </div>
      <WindowControls view={view} onChange={onChange} now={now} />
      {/* Before the first window arrives too: the fill is under way, and can be stopped. */}
      {progress && !windowProblem && <TrendProgressBar progress={progress} />}
      {body}
    </section>
  );
}
