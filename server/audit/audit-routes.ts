import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { z } from "zod";
import { AUDIT_ACTION_NAMES, type AuditPage } from "#contract/dashboard-api";
import { parseApiInstant } from "#contract/dates";
import type { AccessGuard } from "../access/access-guard";
import { actorOf } from "../auth/principal";
import type { ApiHandler } from "../http/api-handler";
import { utcDay } from "#contract/dates";
import type { AuditLog, AuditQuery } from "./audit-log";
import { AUDIT_ACTION_WORDS, describeAuditDetails } from "#contract/audit-words";
import { neutralizeCell, spreadsheetInstant } from "../exports/spreadsheet-cells";
import { spreadsheetWriter } from "../exports/spreadsheet-writer";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const day = z.string().refine((v) => parseApiInstant(v)?.dateOnly === true, "must be a date, YYYY-MM-DD");

/** The audit view's filters: person (part of an e-mail), action, workspace, UTC days (inclusive). */
const auditQuerySchema = z.strictObject({
  actor: optional(z.string().max(200)),
  action: optional(z.enum(AUDIT_ACTION_NAMES)),
  workspaceId: optional(z.string().max(128)),
  from: optional(day),
  to: optional(day),
  limit: optional(z.coerce.number().int().min(1).max(200)),
  offset: optional(z.coerce.number().int().min(0).max(1_000_000)),
});

export function createAuditRoutes(deps: { audit: AuditLog; access: AccessGuard }) {
  function read(input: Record<string, unknown>, scope: string[] | undefined) {
    const parsed = auditQuerySchema.safeParse(input);
    if (!parsed.success) return { problem: parsed.error.issues.map((i) => `"${i.path.join(".")}" ${i.message}`).join("; ") };
    const q = parsed.data;
    const query: AuditQuery = {
      actor: q.actor,
      action: q.action,
      workspaceId: q.workspaceId,
      fromMs: q.from ? parseApiInstant(q.from)?.ms : undefined,
      toMs: q.to ? (parseApiInstant(q.to)?.ms ?? 0) + 86_400_000 : undefined,
      visibleWorkspaces: scope,
    };
    return { query, limit: q.limit ?? 50, offset: q.offset ?? 0 };
  }

  const list: ApiHandler = async (_req, res, { viewer, input }) => {
    const request = read(input, deps.access.auditScope(viewer));
    if ("problem" in request) return void res.status(400).json({ message: request.problem });
    const { rows, total } = await deps.audit.list(request.query, { limit: request.limit, offset: request.offset });
    const body: AuditPage = { items: rows, total, limit: request.limit, offset: request.offset };
    res.json(body);
  };

  /** The filtered log as CSV, streamed in batches (never the whole log in memory). */
  const exportCsv: ApiHandler = async (_req, res, { viewer, input }) => {
    const request = read(input, deps.access.auditScope(viewer));
    if ("problem" in request) return void res.status(400).json({ message: request.problem });
    await deps.audit.record({ actor: actorOf(viewer.principal), action: "audit_exported", details: { filters: input } });
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
