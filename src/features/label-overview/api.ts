import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { Granularity, LabelOverview } from "#contract/responses";
import { apiGet } from "../../lib/api-client";

export interface OverviewParams {
  workspaceId: string;
  channelId: string;
  from: string;
  to: string;
  granularity: Granularity;
}

export const labelOverviewKeys = {
  all: ["label-overview"] as const,
  overview: (params: OverviewParams) => [...labelOverviewKeys.all, params] as const,
};

export const labelOverviewQuery = (params: OverviewParams) =>
  queryOptions({
    queryKey: labelOverviewKeys.overview(params),
    queryFn: ({ signal }) => apiGet<LabelOverview>("/vip-labels/overview", { ...params }, signal),
    placeholderData: keepPreviousData,
  });

/** The overview for a window, or nothing when there is no valid window or workspace yet. */
export function useLabelOverview(params: OverviewParams | undefined) {
  return useQuery({
    ...labelOverviewQuery(params ?? { workspaceId: "", channelId: "", from: "", to: "", granularity: "day" }),
    enabled: params !== undefined,
  });
}
