import type { DownloadQuery } from "#contract/query";
import type { AccessGuard } from "../access/access-guard";
import type { AuditLog } from "../audit/audit-log";
import { actorOf } from "../identity/principal";
import type { ApiHandler } from "../http/api-handler";
import type { Metrics } from "../metrics";
import type { Writable } from "node:stream";
import type { DownloadLinks, DownloadRecord } from "./download-links";

/**
 * Where a download's rows come from, by the link's kind: the vendor's file on Storage
 * (exports/storage-source), a birthday list built again (birthdays/birthday-source). Plugged
 * in by the composition root, so this service knows neither.
 */
export interface DownloadSources {
  storage: (download: Extract<DownloadRecord, { storageUrl: string }>) => Promise<Source>;
  birthdays: (download: Extract<DownloadRecord, { kind: "birthdays" }>) => Promise<Source>;
}

export interface DownloadDeps {
  downloads: DownloadLinks;
  access: AccessGuard;
  audit: AuditLog;
  metrics: Metrics;
  sources: DownloadSources;
}

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export type Source =
  | { status: number; message: string }
  | {
      write: (out: Writable, options: { bom: boolean }, sent: { rows: number; bytes: number }) => Promise<unknown>;
      /** Lets go of what was opened (Storage's answer) when the file will not be sent after all. */
      discard: () => void;
    };

/** The source a link's kind reads from: a birthday list, else the vendor's file on Storage. */
function sourceFor(sources: DownloadSources, download: DownloadRecord): Promise<Source> {
  return download.kind === "birthdays" ? sources.birthdays(download) : sources.storage(download);
}

/**
 * GET /api/downloads/:token: streams the export CSV (from Storage, or a birthday list built
 * here) to the person who created the export, while their role still allows exports there,
 * rewritten for spreadsheets on the way (readable headers, UTC date-times, label names, formulas neutralized, a BOM: see
 * exports/spreadsheet-csv). Nothing is buffered, so memory stays flat whatever the file's size; a client
 * that goes away stops the transfer from Storage too. Each download is audited with its rows,
 * bytes and whether it completed.
 */
export function createDownloadHandler(deps: DownloadDeps): ApiHandler {
  return async (_req, res, { viewer, param: token = "", query }) => {
    // `?bom=0` leaves out the byte order mark (for tools that do not expect one); nothing else (contract/query).
    const { bom } = query as DownloadQuery;
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
    const source = await sourceFor(deps.sources, download);
    if ("status" in source) return void res.status(source.status).json({ message: source.message });
    // Committed before the first byte: a file of players' data never leaves off the record.
    try {
      await deps.audit.recordNow({
        actor: actorOf(viewer.principal),
        action: "download_started",
        workspaceId: download.workspaceId,
        channelId: download.channelId,
        details: { filename: download.filename, rowCount: download.rowCount },
      });
    } catch {
      source.discard();
      res.setHeader("Retry-After", "5");
      return void res.status(503).json({ message: "The audit log could not record this download, so it was not started. Try again in a moment." });
    }
    res.status(200);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", contentDisposition(download.filename));
    res.setHeader("Cache-Control", "private, no-store");
    // The file is written as it goes, so its length is not known: it is sent chunked.
    const sent = { rows: 0, bytes: 0 };
    const complete = await source.write(res, { bom: bom !== "0" }, sent).then(
      () => true,
      // The browser went away, Storage broke off mid-file, or its CSV did not parse: every
      // stream of the pipeline is closed, and the browser sees an incomplete download.
      () => false,
    );
    deps.metrics.bytesStreamed.inc(sent.bytes);
    await deps.audit.record({
      actor: actorOf(viewer.principal),
      action: "download_served",
      workspaceId: download.workspaceId,
      channelId: download.channelId,
      details: { filename: download.filename, rows: sent.rows, bytes: sent.bytes, complete },
    });
  };
}
