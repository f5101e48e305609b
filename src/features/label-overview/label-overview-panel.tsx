import type { UseQueryResult } from "@tanstack/react-query";
import { ErrorBoundary } from "../../components/error-boundary";
import { EmptyState, SkeletonBlock } from "../../components/feedback";
import { QueryError } from "../../components/query-error";
import type { LabelOverview } from "#contract/responses";
import { formatUtcRange } from "../../lib/format/dates";
import { ChartLegend } from "./chart-legend";
import type { BarActions } from "./bar-label";
import type { ChartModel } from "./chart-model";
import { OverviewChart } from "./overview-chart";
import { OverviewDataTable } from "./overview-data-table";
import { TotalsTable } from "./totals-table";
import type { LabelsView } from "./url-state";
import { WindowControls } from "./window-controls";

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
  bars,
}: {
  view: LabelsView;
  onChange: (patch: Partial<LabelsView>) => void;
  now: number;
  windowProblem: string | undefined;
  query: UseQueryResult<LabelOverview>;
  model: ChartModel | undefined;
  bars: BarActions;
}) {
  const hidden = new Set(view.hidden);
  const data = query.data;
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
  } else if (model.activityTotal === 0) {
    body = <EmptyState title="No VIP messages in this window" />;
  } else {
    body = (
      <>
        {query.isError && <QueryError error={query.error} what="the label overview" onRetry={() => void query.refetch()} />}
        <p className="chart-caption">
          {model.granularity === "week" ? "Weeks are UTC, Monday to Sunday; the first and last are clipped to the window" : "Days are UTC"}
          {" · "}Window {formatUtcRange(model.window)}
          {query.isFetching && <span className="muted"> · updating…</span>}
        </p>
        <ChartLegend labels={model.labels} hidden={hidden} onToggle={toggle} />
        {/* Every bar is a tab stop; this lets a keyboard user jump past all of them. */}
        <button type="button" className="skip-link" onClick={() => document.getElementById("label-totals")?.focus()}>
          Skip past the chart to the totals
        </button>
        <div className="labels-layout">
          <div aria-busy={query.isFetching}>
            <ErrorBoundary what="the label chart">
              {view.presentation === "table" ? (
                <OverviewDataTable model={model} granularity={model.granularity} mode={view.mode} hidden={hidden} bars={bars} />
              ) : (
                <OverviewChart
                  model={model}
                  granularity={model.granularity}
                  window={model.window}
                  mode={view.mode}
                  hidden={hidden}
                  bars={bars}
                />
              )}
            </ErrorBoundary>
          </div>
          <div className="totals">
            <h2 id="label-totals" tabIndex={-1}>
              Totals for the window
            </h2>
            <TotalsTable model={model} granularity={model.granularity} />
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
      </div>
      <WindowControls view={view} onChange={onChange} now={now} />
      {body}
    </section>
  );
}
