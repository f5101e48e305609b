import { useMemo } from "react";
import { checkWindow } from "../../lib/day-window";
import { useLabelOverview } from "./api";
import { buildChartModel } from "./chart-model";
import { compareWith, previousWindow } from "./comparison";
import { useLabelsView } from "./url-state";
import { useSpikes } from "./use-spikes";

/**
 * Everything the Labels view reads, in one hook: the view's state from the URL, the window's
 * overview and its chart model, the equal window just before (its own call, within the cap) for
 * the comparison, and the unusual periods. The route only composes it with the drill-down.
 */
export function useLabelsOverview(workspaceId: string, channelId: string, now: number) {
  const { view, update } = useLabelsView(now);
  const checked = checkWindow(view);
  const problem = "problem" in checked ? checked.problem : undefined;
  const query = useLabelOverview(problem ? undefined : { workspaceId, channelId, from: view.from, to: view.to, granularity: view.granularity });
  const model = useMemo(() => (query.data ? buildChartModel(query.data, now) : undefined), [query.data, now]);
  const before = problem ? undefined : previousWindow(view);
  const previousQuery = useLabelOverview(before && { workspaceId, channelId, from: before.from, to: before.to, granularity: view.granularity });
  const previous = useMemo(
    () => (before && previousQuery.data && !previousQuery.isPlaceholderData ? compareWith(previousQuery.data, before) : undefined),
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- before is derived from the window, in the data's identity
    [previousQuery.data, previousQuery.isPlaceholderData],
  );
  const spikes = useSpikes(problem ? undefined : { workspaceId, channelId, from: view.from, to: view.to, granularity: view.granularity }, model, query);
  // While new numbers load, the previous overview's bars are not the ones the link names.
  const loaded = !query.isPlaceholderData && model !== undefined;
  return { view, update, problem, query, model, previous: query.isPlaceholderData ? undefined : previous, spikes, loaded };
}
