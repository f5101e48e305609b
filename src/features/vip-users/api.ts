import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ExportAnswer } from "#contract/dashboard-api";
import type { VipUsersPage } from "#contract/responses";
import { apiGet, apiPost, apiWarm } from "../../lib/api-client";

export interface UsersFilter {
  workspaceId: string;
  channelId: string;
  hasBirthday: boolean;
  birthdayMonth: number | undefined;
}

export interface UsersPageParams extends UsersFilter {
  limit: number;
  offset: number;
}

export const vipUsersKeys = {
  all: ["vip-users"] as const,
  lists: () => [...vipUsersKeys.all, "list"] as const,
  list: (params: UsersPageParams) => [...vipUsersKeys.lists(), params] as const,
};

const toQuery = (f: UsersFilter) => ({
  workspaceId: f.workspaceId,
  channelId: f.channelId,
  hasBirthday: f.hasBirthday ? "true" : undefined,
  birthdayMonth: f.birthdayMonth,
});

export const vipUsersPageQuery = (params: UsersPageParams) =>
  queryOptions({
    queryKey: vipUsersKeys.list(params),
    queryFn: ({ signal }) =>
      apiGet<VipUsersPage>("/vip-users", { ...toQuery(params), limit: params.limit, offset: params.offset }, signal),
    // The previous page stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

/** The next page, fetched into the server's cache (not here, and not audited as seen) so Next is quick. */
export const warmVipUsersPage = (params: UsersPageParams) => apiWarm("/vip-users", { ...toQuery(params), limit: params.limit, offset: params.offset });

export const exportVipUsers = (filter: UsersFilter) => apiPost<ExportAnswer>("/vip-users/export", toQuery(filter));
