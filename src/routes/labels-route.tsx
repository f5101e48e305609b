import { useEffect, useMemo, useRef } from "react";
import { WithSelection } from "../app/with-selection";
import { Dialog } from "../components/dialog";
import { useNow } from "../components/use-now";
import { useLabelOverview } from "../features/label-overview/api";
import { buildChartModel } from "../features/label-overview/chart-model";
import { LabelOverviewPanel } from "../features/label-overview/label-overview-panel";
import { barId } from "../features/label-overview/overview-chart";
import { useLabelsView } from "../features/label-overview/url-state";
import { DrilldownDialog, type DrillBar } from "../features/message-drilldown/drilldown-dialog";
import { useDrill } from "../features/message-drilldown/url-state";
import { bucketRange, checkWindow, describeBucket } from "../lib/format/buckets";
import type { ChartModel } from "../features/label-overview/chart-model";

export function LabelsRoute() {
  return (
    <WithSelection loadingLabel="Loading labels">
      {(workspaceId, channelId) => <LabelsView workspaceId={workspaceId} channelId={channelId} />}
    </WithSelection>
  );
}

/** The bar the URL names, with the numbers the chart shows for it. */
function drillBar(model: ChartModel, label: string, bucket: string): DrillBar | undefined {
  const series = model.labels.find((l) => l.id === label);
  if (!series || !model.buckets.includes(bucket)) return undefined;
  const row = model.cell(label, bucket);
  return {
    labelId: label,
    labelName: series.name,
    bucketText: `${describeBucket(bucket, model.granularity)} (UTC)`,
    range: bucketRange(bucket, model.granularity, model.window),
    count: row.count,
    uniqueConversations: row.uniqueConversations,
  };
}

function LabelsView({ workspaceId, channelId }: { workspaceId: string; channelId: string }) {
  const now = useNow();
  const { view, update } = useLabelsView(now);
  const checked = checkWindow(view);
  const problem = "problem" in checked ? checked.problem : undefined;
  const query = useLabelOverview(
    problem ? undefined : { workspaceId, mediumId: channelId, from: view.from, to: view.to, granularity: view.granularity },
  );
  const data = query.isPlaceholderData ? undefined : query.data;
  const model = useMemo(() => (query.data ? buildChartModel(query.data) : undefined), [query.data]);
  const labelNames = useMemo(() => new Map(model?.labels.map((l) => [l.id, l.name])), [model]);
  const drill = useDrill();

  // However the panel closes (Escape, Close, Back), focus returns to the bar that opened it,
  // once the chart has re-rendered without the dialog.
  const lastTarget = useRef(drill.target);
  useEffect(() => {
    const previous = lastTarget.current;
    lastTarget.current = drill.target;
    if (!previous || drill.target) return;
    // Recharts keys bar elements by position and may lay out again after this commit,
    // replacing them: focus once the next frames have settled.
    const selector = `[data-bar="${CSS.escape(barId(previous.label, previous.bucket))}"]`;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => document.querySelector<SVGElement | HTMLElement>(selector)?.focus());
    });
    return () => cancelAnimationFrame(frame);
  }, [drill.target]);
  const close = drill.close;

  // While new numbers load, the previous overview's bar is not the one the link names.
  const bar = drill.target && data && model ? drillBar(model, drill.target.label, drill.target.bucket) : undefined;

  return (
    <>
      <LabelOverviewPanel
        view={view}
        onChange={update}
        now={now}
        windowProblem={problem}
        query={query}
        model={model}
        onOpen={drill.open}
      />
      {drill.target && bar && (
        <DrilldownDialog
          workspaceId={workspaceId}
          channelId={channelId}
          bar={bar}
          labelNames={labelNames}
          kind={drill.kind}
          onKind={drill.setKind}
          onClose={close}
        />
      )}
      {drill.target && !bar && (
        <Dialog titleId="drill-missing" onClose={close}>
          <div className="dialog__header">
            <div className="dialog__title-row">
              <h2 id="drill-missing" className="dialog__title">
                {data ? "This bar is not in the chart" : "Loading the bar…"}
              </h2>
              <button type="button" className="button button--secondary" onClick={close}>
                Close
              </button>
            </div>
            {data && (
              <p className="dialog__meta">
                The link names label “{drill.target.label}” on {drill.target.bucket}, which is not a bar in this window. Pick a
                bar in the chart instead.
              </p>
            )}
          </div>
        </Dialog>
      )}
    </>
  );
}
