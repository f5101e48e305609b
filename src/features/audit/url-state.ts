import { useSearchParams } from "react-router-dom";
import { AUDIT_ACTION_NAMES, type AuditActionName } from "#contract/dashboard-api";
import { parseApiInstant } from "#contract/dates";
import { readInt, withParams } from "../../lib/search-params";

/** The audit view's filters, in the URL so a filtered log can be linked to. */
export interface AuditFilters {
  /** Part of a person's e-mail. */
  actor: string | undefined;
  action: AuditActionName | undefined;
  /** "in" in the URL: "ws" already names the dashboard's chosen workspace. */
  workspaceId: string | undefined;
  /** UTC days, inclusive. */
  from: string | undefined;
  to: string | undefined;
  page: number;
}

const day = (value: string | null) => (value && parseApiInstant(value)?.dateOnly ? value : undefined);

export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const action = params.get("action");
  return {
    actor: params.get("person")?.trim() || undefined,
    action: (AUDIT_ACTION_NAMES as readonly string[]).includes(action ?? "") ? (action as AuditActionName) : undefined,
    workspaceId: params.get("in") || undefined,
    from: day(params.get("from")),
    to: day(params.get("to")),
    page: readInt(params, "page", 1, 100_000) ?? 1,
  };
}

export function useAuditFilters() {
  const [params, setParams] = useSearchParams();
  const filters = readAuditFilters(params);
  const update = (patch: Partial<AuditFilters>) => {
    const next = { ...filters, page: 1, ...patch };
    setParams(
      withParams(params, { person: next.actor, action: next.action, in: next.workspaceId, from: next.from, to: next.to, page: next.page > 1 ? next.page : undefined }),
      { flushSync: true },
    );
  };
  return { filters, update };
}
