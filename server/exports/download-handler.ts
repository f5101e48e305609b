import { pipeline } from "node:stream/promises";
import type { AccessGuard } from "../access/access-guard";
import type { AuditLog } from "../audit/audit-log";
import { actorOf } from "../auth/principal";
import type { ApiHandler } from "../http/api-handler";
import type { Metrics } from "../metrics";
import { AttemptTimeoutError } from "../upstream/http-get";
import type { DownloadLinks } from "./download-links";
import { openStorageStream, type StreamResponse } from "./storage-fetch";
import { isAllowedStorageUrl } from "./storage-hosts";

export interface DownloadDeps {
  downloads: DownloadLinks;
  access: AccessGuard;
  audit: AuditLog;
  storageHosts: () => readonly string[];
  /** How long Storage may take to start answering. */
  headTimeoutMs: number;
  metrics: Metrics;
}

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * GET /api/downloads/:token: streams the export CSV from Storage to the person who created
 * the export, while their role still allows exports there. Nothing is buffered, so memory
 * stays flat whatever the file's size; a client that goes away stops the transfer from
 * Storage too. Each download is audited with its bytes and whether it completed.
 */
export function createDownloadHandler(deps: DownloadDeps): ApiHandler {
  return async (_req, res, { viewer, param: token = "" }) => {
    const found = await deps.downloads.find(token);
    if (!found.ok) {
      const expired = found.reason === "expired";
      res.status(expired ? 410 : 404).json({
        message: expired ? "This download link has expired. Export the CSV again." : "This download link is not valid. Export the CSV again.",
      });
      return;
    }
    const { download } = found;
    if (download.subject !== viewer.principal.subject) {
      res.status(403).json({ message: "This download link belongs to the person who made the export. Export the CSV yourself." });
      return;
    }
    if (!deps.access.permits(viewer, "export", download.workspaceId)) return deps.access.refuse(res, viewer, "export", download.workspaceId);
    if (!isAllowedStorageUrl(download.storageUrl, deps.storageHosts())) {
      res.status(403).json({ message: "This download link points outside the allowed storage hosts." });
      return;
    }
    let upstream: StreamResponse;
    try {
      upstream = await openStorageStream(new URL(download.storageUrl), { accept: "text/csv" }, deps.headTimeoutMs);
    } catch (error) {
      const timedOut = error instanceof AttemptTimeoutError;
      res.status(timedOut ? 504 : 502).json({
        message: timedOut
          ? "The export file storage did not answer in time. Try the download again."
          : "Could not reach the export file storage. Try the download again.",
      });
      return;
    }
    res.locals.upstreamStatus = upstream.status;
    if (upstream.status !== 200) {
      upstream.body.resume();
      const gone = upstream.status === 403 || upstream.status === 404 || upstream.status === 410;
      res.status(502).json({
        message: gone
          ? `The export file storage answered HTTP ${upstream.status}: the file has expired or was removed. Export the CSV again.`
          : `The export file storage failed (HTTP ${upstream.status}). Try the download again in a moment.`,
      });
      return;
    }
    res.status(200);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", contentDisposition(download.filename));
    res.setHeader("Cache-Control", "private, no-store");
    const length = upstream.headers["content-length"];
    if (typeof length === "string") res.setHeader("Content-Length", length);
    let bytes = 0;
    upstream.body.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
    });
    const complete = await pipeline(upstream.body, res).then(
      () => true,
      // The browser went away or Storage broke off mid-file: both ends are closed by pipeline.
      () => false,
    );
    deps.metrics.bytesStreamed.inc(bytes);
    await deps.audit.record({
      actor: actorOf(viewer.principal),
      action: "download_served",
      workspaceId: download.workspaceId,
      channelId: download.channelId,
      details: { filename: download.filename, rows: download.rowCount, bytes, complete },
    });
  };
}
