import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type { AuditQueryParams } from "#contract/query";
import type { AuditPage } from "#contract/dashboard-api";
import { actorOf, type Viewer } from "../identity/principal";
import type { ApiHandler } from "../http/api-handler";
import { utcDay } from "#contract/dates";
import type { AuditLog, AuditQuery } from "./audit-log";
import { AUDIT_ACTION_WORDS, describeAuditDetails } from "#contract/audit-words";
import { neutralizeCell, spreadsheetInstant } from "../spreadsheet/spreadsheet-cells";
import { spreadsheetWriter } from "../spreadsheet/spreadsheet-writer";

/**
 * GET /api/audit and /api/audit/export. `scopeOf` says which workspaces' rows a viewer may read
 * (undefined: all), as the access guard decides it (passed in: the log does not know the rules).
 */
export function createAuditRoutes(deps: { audit: AuditLog; scopeOf: (viewer: Viewer) => string[] | undefined }) {
  /** The parsed filters (contract/query's auditQuerySchema) as the log's query, within what the viewer may see. */
  function read(q: AuditQueryParams, scope: string[] | undefined) {
    const query: AuditQuery = {
      actor: q.actor,
      action: q.action,
      workspaceId: q.workspaceId,
      fromMs: q.from ? Date.parse(`${q.from}T00:00:00Z`) : undefined,
      toMs: q.to ? Date.parse(`${q.to}T00:00:00Z`) + 86_400_000 : undefined,
      visibleWorkspaces: scope,
    };
    return { query, limit: q.limit ?? 50, offset: q.offset ?? 0 };
  }

  const list: ApiHandler = async (_req, res, { viewer, query }) => {
    const request = read(query as AuditQueryParams, deps.scopeOf(viewer));
    const { rows, total } = await deps.audit.list(request.query, { limit: request.limit, offset: request.offset });
    const body: AuditPage = { items: rows, total, limit: request.limit, offset: request.offset };
    res.json(body);
  };

  /** The filtered log as CSV, streamed in batches (never the whole log in memory). */
  const exportCsv: ApiHandler = async (_req, res, { viewer, query, forward }) => {
    const request = read(query as AuditQueryParams, deps.scopeOf(viewer));
    await deps.audit.record({ actor: actorOf(viewer.principal), action: "audit_exported", details: { filters: Object.fromEntries(forward) } });
    res.status(200);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", `attachment; filename="audit-log-${utcDay(Date.now())}.csv"`);
    res.setHeader("Cache-Control", "private, no-store");
    const rows = Readable.from(
      (async function* () {
        yield ["Time (UTC)", "Person", "Action", "Workspace", "Channel", "Details"];
        for await (const row of deps.audit.stream(request.query)) {
          const cells = [row.actor, AUDIT_ACTION_WORDS[row.action] ?? row.action, row.workspaceId ?? "", row.channelId ?? "", describeAuditDetails(row.details)];
          yield [spreadsheetInstant(row.at), ...cells.map(neutralizeCell)];
        }
      })(),
    );
    await pipeline(rows, spreadsheetWriter(true, { bytes: 0 }), res).catch(() => res.destroy());
  };

  return { list, exportCsv };
}
