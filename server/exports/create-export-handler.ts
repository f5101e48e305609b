import { CSV_URL_TTL_MS } from "#contract/assumptions";
import type { ExportAnswer } from "#contract/dashboard-api";
import type { VipMessagesExportQuery, VipUsersExportQuery } from "#contract/query";
import type { ExportResponse } from "#contract/responses";
import type { UpstreamRoute } from "#contract/routes";
import type { AuditLog } from "../audit/audit-log";
import { auditFilters } from "../audit/audit-filters";
import { actorOf } from "../auth/principal";
import type { ApiHandler } from "../http/api-handler";
import { mapOutcome } from "../http/map-outcome";
import { sendAnswer } from "../http/send-answer";
import { validateQuery } from "../http/validate-query";
import type { UpstreamClient } from "../upstream/client";
import type { DownloadLinks } from "./download-links";
import { messagesExportFilename, usersExportFilename } from "./filenames";
import { isAllowedStorageUrl } from "./storage-hosts";

export interface ExportDeps {
  upstream: UpstreamClient;
  downloads: DownloadLinks;
  audit: AuditLog;
  storageHosts: () => readonly string[];
}

/**
 * The export routes (POST: creating an export writes a file at the vendor and costs quota).
 * The upstream writes the CSV to Storage and answers with its URL; we keep that URL on the
 * server and answer with an opaque same-origin download link, bound to the person who asked,
 * with a meaningful file name.
 */
export function createExportHandler(route: UpstreamRoute, deps: ExportDeps): ApiHandler {
  return async (_req, res, { viewer, input }) => {
    const validated = validateQuery<VipUsersExportQuery | VipMessagesExportQuery>(route, input);
    if (!validated.ok) {
      res.status(400).json(validated.body);
      return;
    }
    const outcome = await deps.upstream.get(route.path, validated.forward, "export");
    res.locals.attempts = outcome.attempts;
    const answer = mapOutcome(outcome, route.response);
    if (answer.status !== 200) return sendAnswer(res, answer);
    res.locals.upstreamStatus = answer.upstreamStatus;
    const { totalCount, csvUrl } = answer.body as ExportResponse;
    if (!isAllowedStorageUrl(csvUrl, deps.storageHosts())) {
      res.status(502).json({
        message: "The Dynamo API put the export on a storage host this dashboard may not fetch from (see DYNAMO_STORAGE_HOSTS).",
      });
      return;
    }
    const now = Date.now();
    const q = validated.parsed;
    const filename = "from" in q ? messagesExportFilename(q) : usersExportFilename(q, now);
    const link = await deps.downloads.create(
      { subject: viewer.principal.subject, workspaceId: q.workspaceId, channelId: q.mediumId, storageUrl: csvUrl, filename, rowCount: totalCount },
      now + CSV_URL_TTL_MS,
    );
    await deps.audit.record({
      actor: actorOf(viewer.principal),
      action: "export_created",
      workspaceId: q.workspaceId,
      channelId: q.mediumId,
      details: { route: res.locals.route, filters: auditFilters(input), rowCount: totalCount, filename },
    });
    const body: ExportAnswer = {
      totalCount,
      downloadUrl: `/api/downloads/${link.token}`,
      filename,
      expiresAt: new Date(link.expiresAt).toISOString(),
    };
    res.json(body);
  };
}
