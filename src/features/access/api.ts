import { queryOptions, useQuery } from "@tanstack/react-query";
import type { RoleName } from "#contract/access";
import type { AccessRequest, Grant, GrantsAnswer } from "#contract/grants";
import { apiGet, apiSend } from "../../lib/api-client";

export const accessKeys = {
  all: ["access"] as const,
  grants: () => [...accessKeys.all, "grants"] as const,
  requests: (status: "pending" | "all") => [...accessKeys.all, "requests", status] as const,
};

/** Every grant the admin may see: the policy file's (read-only) and the page's. */
export const grantsQuery = () => queryOptions({ queryKey: accessKeys.grants(), queryFn: ({ signal }) => apiGet<GrantsAnswer>("/grants", {}, signal), staleTime: 10_000 });
export const useGrants = () => useQuery(grantsQuery());

/** Requests for access: pending first, then those answered in the last 30 days. */
export const requestsQuery = () =>
  queryOptions({
    queryKey: accessKeys.requests("all"),
    queryFn: ({ signal }) => apiGet<{ items: AccessRequest[] }>("/access-requests", { status: "all" }, signal),
    staleTime: 10_000,
  });
export const useAccessRequests = () => useQuery(requestsQuery());

export interface GrantBody {
  email?: string;
  group?: string;
  workspaceId: string;
  role: RoleName;
}

export const createGrant = (body: GrantBody) => apiSend<{ grant: Grant }>("POST", "/grants", body);
export const changeRole = (id: string, role: RoleName) => apiSend<{ grant: Grant }>("PATCH", `/grants/${id}`, { role });
export const revokeGrant = (id: string) => apiSend<void>("DELETE", `/grants/${id}`);
export const decideRequest = (id: string, body: { decision: "grant" | "decline"; role?: RoleName; workspaceId?: string }) =>
  apiSend<{ request: AccessRequest }>("POST", `/access-requests/${id}/decision`, body);
