import type { Response } from "express";
import { CSV_URL_TTL_MS } from "#contract/assumptions";
import type { ExportAnswer } from "#contract/dashboard-api";
import type { UpcomingBirthdaysQuery } from "#contract/query";
import { auditFilters } from "../audit/audit-filters";
import type { AuditLog } from "../audit/audit-log";
import { actorOf, type Viewer } from "../auth/principal";
import type { ApiHandler } from "../http/api-handler";
import { sendAnswer } from "../http/send-answer";
import type { DownloadLinks } from "../exports/download-links";
import { birthdaysExportFilename } from "../exports/filenames";
import type { UpstreamClient } from "../upstream/client";
import { buildUpcomingBirthdays, type BuiltList } from "./upcoming-list";

export interface BirthdayRouteDeps {
  upstream: UpstreamClient;
  downloads: DownloadLinks;
  audit: AuditLog;
  /** Records that a person saw players' data (deduplicated by the caller). */
  auditViewed: (viewer: Viewer, query: Record<string, unknown>, forward: URLSearchParams, route: string) => Promise<void>;
}

/** Builds the list for the (parsed) range; answers the problem itself when there is one. */
async function buildFor(deps: BirthdayRouteDeps, q: UpcomingBirthdaysQuery, res: Response): Promise<Extract<BuiltList, { ok: true }> | undefined> {
  const built = await buildUpcomingBirthdays(deps.upstream, q);
  if (!built.ok) {
    sendAnswer(res, built.answer);
    return undefined;
  }
  return built;
}

/**
 * GET /api/birthdays/upcoming (the list) and POST /api/birthdays/export (the same list as a
 * download link). Built here from the vendor's month filter, so the file is streamed by this
 * server rather than fetched from Storage.
 */
export function createBirthdayRoutes(deps: BirthdayRouteDeps) {
  const list: ApiHandler = async (_req, res, { viewer, query, forward }) => {
    const built = await buildFor(deps, query as UpcomingBirthdaysQuery, res);
    if (!built) return;
    await deps.auditViewed(viewer, query, forward, "/api/birthdays/upcoming");
    res.json(built.list);
  };

  const createExport: ApiHandler = async (_req, res, { viewer, query, forward }) => {
    const q = query as UpcomingBirthdaysQuery;
    const built = await buildFor(deps, q, res);
    if (!built) return;
    const rowCount = built.list.items.length;
    const filename = birthdaysExportFilename(q, built.list.to);
    const link = await deps.downloads.create(
      { subject: viewer.principal.subject, workspaceId: q.workspaceId, channelId: q.mediumId, filename, rowCount, kind: "birthdays", range: { from: q.from, days: q.days } },
      Date.now() + CSV_URL_TTL_MS,
    );
    // Committed before the link is answered: personal data may leave only on the record.
    try {
      await deps.audit.recordNow({
        actor: actorOf(viewer.principal),
        action: "export_created",
        workspaceId: q.workspaceId,
        channelId: q.mediumId,
        details: { route: String(res.locals.route), filters: auditFilters(forward), rowCount, filename },
      });
    } catch {
      res.setHeader("Retry-After", "5");
      return void res.status(503).json({ message: "The export is ready, but the audit log could not record it, so it is not handed out. Try again in a moment." });
    }
    const body: ExportAnswer = { totalCount: rowCount, downloadUrl: `/api/downloads/${link.token}`, filename, expiresAt: new Date(link.expiresAt).toISOString() };
    res.json(body);
  };

  return { list, createExport };
}
