import { infiniteQueryOptions } from "@tanstack/react-query";
import type { ExportAnswer } from "#contract/dashboard-api";
import type { MessageKind, VipMessagesPage } from "#contract/responses";
import { apiGet, apiPost } from "../../lib/api-client";

export interface DrillParams {
  workspaceId: string;
  channelId: string;
  label: string;
  /** ISO date-times; `to` exclusive: the bar's bucket clipped to the overview window. */
  from: string;
  to: string;
  contentType: MessageKind | undefined;
}

export const PAGE_SIZE = 100;

export const messageKeys = {
  all: ["vip-messages"] as const,
  lists: () => [...messageKeys.all, "list"] as const,
  list: (params: DrillParams) => [...messageKeys.lists(), params] as const,
};

/** Newest first, one page per cursor; the next page starts strictly before the last timestamp. */
export const drillMessagesQuery = (params: DrillParams) =>
  infiniteQueryOptions({
    queryKey: messageKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      apiGet<VipMessagesPage>("/vip-messages", { ...params, limit: PAGE_SIZE, before: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const exportDrillMessages = (params: DrillParams) => apiPost<ExportAnswer>("/vip-messages/export", { ...params });
