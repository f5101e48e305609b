import type { DownloadQuery } from "#contract/query";
import type { AccessGuard } from "../access/access-guard";
import type { AuditLog } from "../audit/audit-log";
import { actorOf } from "../auth/principal";
import type { ApiHandler } from "../http/api-handler";
import type { Metrics } from "../metrics";
import { AttemptTimeoutError } from "../upstream/http-get";
import type { Writable } from "node:stream";
import { buildUpcomingBirthdays } from "../birthdays/upcoming-list";
import { streamBirthdaysCsv } from "../birthdays/birthdays-csv";
import type { UpstreamClient } from "../upstream/client";
import type { DownloadLinks, DownloadRecord } from "./download-links";
import { streamSpreadsheetCsv } from "./spreadsheet-csv";
import { openStorageStream, type StreamResponse } from "./storage-fetch";
import { isAllowedStorageUrl } from "./storage-hosts";

export interface DownloadDeps {
  downloads: DownloadLinks;
  /** Birthday lists are built again from the Dynamo API at download time. */
  upstream: UpstreamClient;
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


type Source =
  | { status: number; message: string }
  | {
      write: (out: Writable, options: { bom: boolean }, sent: { rows: number; bytes: number }) => Promise<unknown>;
      /** Lets go of what was opened (Storage's answer) when the file will not be sent after all. */
      discard: () => void;
    };

/** The vendor's file on Storage, rewritten for spreadsheets on the way. */
async function storageSource(deps: DownloadDeps, download: Extract<DownloadRecord, { storageUrl: string }>): Promise<Source> {
  if (!isAllowedStorageUrl(download.storageUrl, deps.storageHosts())) return { status: 403, message: "This download link points outside the allowed storage hosts." };
  let upstream: StreamResponse;
  try {
    upstream = await openStorageStream(new URL(download.storageUrl), { accept: "text/csv" }, deps.headTimeoutMs);
  } catch (error) {
    const timedOut = error instanceof AttemptTimeoutError;
    return {
      status: timedOut ? 504 : 502,
      message: timedOut ? "The export file storage did not answer in time. Try the download again." : "Could not reach the export file storage. Try the download again.",
    };
  }
  if (upstream.status !== 200) {
    upstream.body.resume();
    const gone = upstream.status === 403 || upstream.status === 404 || upstream.status === 410;
    return {
      status: 502,
      message: gone
        ? `The export file storage answered HTTP ${upstream.status}: the file has expired or was removed. Export the CSV again.`
        : `The export file storage failed (HTTP ${upstream.status}). Try the download again in a moment.`,
    };
  }
  return {
    write: (out, { bom }, sent) => streamSpreadsheetCsv(upstream.body, out, { kind: download.kind, labelNames: download.labelNames, bom }, sent),
    discard: () => upstream.body.destroy(),
  };
}

/** A birthday list, built again for the same calendar days (month pages are usually still cached). */
async function birthdaysSource(deps: DownloadDeps, download: Extract<DownloadRecord, { kind: "birthdays" }>): Promise<Source> {
  const built = await buildUpcomingBirthdays(deps.upstream, { workspaceId: download.workspaceId, mediumId: download.channelId, ...download.range });
  if (!built.ok) {
    const body = built.answer.body as { message?: unknown };
    return { status: built.answer.status, message: typeof body.message === "string" ? body.message : "The Dynamo API refused the birthday list. Try the download again." };
  }
  return { write: (out, options, sent) => streamBirthdaysCsv(built.list.items, out, options, sent), discard: () => undefined };
}

/**
 * GET /api/downloads/:token: streams the export CSV (from Storage, or a birthday list built
 * here) to the person who created the export, while their role still allows exports there,
 * rewritten for spreadsheets on the way (readable headers, UTC ISO times, label names, formulas neutralized, a BOM: see
 * spreadsheet-csv). Nothing is buffered, so memory stays flat whatever the file's size; a client
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
    const source = download.kind === "birthdays" ? await birthdaysSource(deps, download) : await storageSource(deps, download);
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
