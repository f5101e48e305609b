import { infiniteQueryOptions } from "@tanstack/react-query";
import { MESSAGES_LIMIT_MAX } from "#contract/assumptions";
import type { ExportAnswer } from "#contract/dashboard-api";
import type { MessageKind, VipMessagesPage } from "#contract/responses";
import { apiGet, apiPost, apiWarm } from "./api-client";

/**
 * Listing VIP messages, shared by a bar's drill-down and the Messages view: one query, one
 * cache, one export, whichever view asks.
 */
export interface DrillParams {
  workspaceId: string;
  channelId: string;
  /** A built-in label or custom label id; undefined for every VIP message (the Messages view). */
  label: string | undefined;
  /** ISO date-times; `to` exclusive: the bar's bucket clipped to the overview window. */
  from: string;
  to: string;
  kind: MessageKind | undefined;
}

/** The upstream's largest page: a 1,400-message bar is 7 calls, not 14. */
export const PAGE_SIZE = MESSAGES_LIMIT_MAX;

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

/** A bar's first page, fetched into the server's cache on hover or focus (not here, not audited) so the click is quick. */
export const warmDrillMessages = (params: DrillParams) => apiWarm("/vip-messages", { ...params, limit: PAGE_SIZE });

export const exportDrillMessages = (params: DrillParams) => apiPost<ExportAnswer>("/vip-messages/export", { ...params });
