import { infiniteQueryOptions } from "@tanstack/react-query";
import { MESSAGES_LIMIT_MAX } from "#contract/assumptions";
import type { ExportAnswer } from "#contract/dashboard-api";
import type { MessageKind, VipMessagesPage } from "#contract/responses";
import { apiGet, apiPost, apiWarm } from "../../lib/api-client";
import type { DrillBar } from "../../lib/drill-bar";

export interface DrillParams {
  workspaceId: string;
  channelId: string;
  /** A built-in label or custom label id; undefined for every VIP message (the Messages view). */
  label: string | undefined;
  /** ISO date-times; `to` exclusive: the bar's bucket clipped to the overview window. */
  from: string;
  to: string;
  contentType: MessageKind | undefined;
}

/** The upstream's largest page: a 1,400-message bar is 7 calls, not 14. */
export const PAGE_SIZE = MESSAGES_LIMIT_MAX;

/** The messages behind a bar: its label over exactly the instants it counts. */
export const drillParamsFor = (workspaceId: string, channelId: string, bar: DrillBar, kind: MessageKind | undefined): DrillParams => ({
  workspaceId,
  channelId,
  label: bar.labelId,
  from: new Date(bar.range.fromMs).toISOString(),
  to: new Date(bar.range.toMs).toISOString(),
  contentType: kind,
});

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
