import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { AuditPage } from "#contract/dashboard-api";
import { apiGet, toSearch } from "../../lib/api-client";
import type { AuditFilters } from "./url-state";

export const AUDIT_PAGE_SIZE = 50;

export const auditKeys = {
  all: ["audit"] as const,
  page: (filters: AuditFilters) => [...auditKeys.all, filters] as const,
};

const toParams = (f: AuditFilters) => ({ actor: f.actor, action: f.action, workspaceId: f.workspaceId, from: f.from, to: f.to });

export const auditPageQuery = (filters: AuditFilters) =>
  queryOptions({
    queryKey: auditKeys.page(filters),
    queryFn: ({ signal }) =>
      apiGet<AuditPage>("/audit", { ...toParams(filters), limit: AUDIT_PAGE_SIZE, offset: (filters.page - 1) * AUDIT_PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
    // The log grows while it is read: newest rows should not wait for a minute-old cache.
    staleTime: 5_000,
  });

/** The filtered log as a CSV download (streamed by the server). */
export const auditCsvHref = (filters: AuditFilters) => `/api/audit/export${toSearch(toParams(filters))}`;
