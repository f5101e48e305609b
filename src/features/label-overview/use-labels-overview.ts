import { useMemo } from "react";
import { useLabelOverview } from "./api";
import { buildChartModel } from "./chart-model";
import { compareWith, previousWindow } from "./comparison";
import { useLabelsView } from "./url-state";
import { useLongTrend } from "./use-long-trend";
import { useSpikes } from "./use-spikes";
import { checkLabelsWindow } from "./view-window";

/** What the panel shows of the numbers' loading, whichever way they come (one call, or a trend's windows). */
export interface OverviewLoad {
  data: unknown;
  isError: boolean;
  error: Error | null;
  isFetching: boolean;
  refetch: () => unknown;
}

/**
 * Everything the Labels view reads, in one hook: the view's state from the URL, the numbers
 * and their chart model, the comparison (the window before, or for a long trend the year
 * before) and the unusual periods. Up to 31 days by day or week it is one overview call (and
 * its own for the window before); longer, or by month, a long trend stitched from its windows.
 * The route only composes it with the drill-down.
 */
export function useLabelsOverview(workspaceId: string, channelId: string, now: number) {
  const { view, update } = useLabelsView(now);
  const checked = checkLabelsWindow(view);
  const problem = checked.problem;
  const ok = "range" in checked ? checked : undefined;
  const short = ok && !ok.long && view.granularity !== "month" ? { workspaceId, channelId, from: view.from, to: view.to, granularity: view.granularity } : undefined;
  const long = ok?.long ? ok.range : undefined;

  const query = useLabelOverview(short);
  const shortModel = useMemo(() => (query.data ? buildChartModel(query.data, now) : undefined), [query.data, now]);
  const before = short ? previousWindow(view) : undefined;
  const previousQuery = useLabelOverview(before && short && { ...short, from: before.from, to: before.to });
  const shortPrevious = useMemo(
    () => (before && previousQuery.data && !previousQuery.isPlaceholderData ? compareWith(previousQuery.data, before) : undefined),
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- before is derived from the window, in the data's identity
    [previousQuery.data, previousQuery.isPlaceholderData],
  );
  const shortSpikes = useSpikes(short, shortModel, query);
  const trend = useLongTrend({ workspaceId, channelId }, long, view.granularity, now);

  if (long) {
    const firstFailure = trend.progress.failed[0];
    const load: OverviewLoad = {
      data: trend.model,
      isError: trend.model === undefined && firstFailure !== undefined,
      error: firstFailure?.error ?? null,
      isFetching: trend.fetching,
      refetch: () => trend.progress.failed.forEach((f) => f.retry()),
    };
    return { view, update, problem, load, model: trend.model, previous: trend.previous, spikes: trend.spikes, loaded: trend.complete, progress: trend.progress };
  }
  // While new numbers load, the previous overview's bars are not the ones the link names.
  const loaded = !query.isPlaceholderData && shortModel !== undefined;
  // The old window's model stays on screen while the new one loads, but not after a switch to a long trend.
  const model = short ? shortModel : undefined;
  return { view, update, problem, load: query as OverviewLoad, model, previous: query.isPlaceholderData ? undefined : shortPrevious, spikes: shortSpikes, loaded, progress: undefined };
}
