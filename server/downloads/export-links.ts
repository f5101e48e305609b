import type { ExportAnswer } from "#contract/dashboard-api";
import type { AuditLog } from "../audit/audit-log";
import { actorOf, type Viewer } from "../identity/principal";
import type { DownloadLinks, DownloadSource, NewDownload } from "./download-links";

/** What a link stands for, but whose it is (the viewer's). */
export type LinkRequest = { workspaceId: string; channelId: string; filename: string; rowCount: number } & DownloadSource;

/** An answer for the route to send. */
export interface LinkAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * The one way an export becomes a download link, whatever its source (the vendor's file on
 * Storage, a birthday list): the link (bound to the person, expiring), its audit row committed
 * before the answer (personal data leaves only on the record), and the `ExportAnswer`. When the
 * row cannot be written the link is not handed out.
 */
export function createExportLinks(deps: { downloads: DownloadLinks; audit: AuditLog }) {
  return async function issue(
    viewer: Viewer,
    download: LinkRequest,
    audited: { route: string; filters: Record<string, string> },
    expiresAt: number,
  ): Promise<LinkAnswer> {
    const link = await deps.downloads.create({ ...download, subject: viewer.principal.subject } as NewDownload, expiresAt);
    try {
      await deps.audit.recordNow({
        actor: actorOf(viewer.principal),
        action: "export_created",
        workspaceId: download.workspaceId,
        channelId: download.channelId,
        details: { route: audited.route, filters: audited.filters, rowCount: download.rowCount, filename: download.filename },
      });
    } catch {
      return {
        status: 503,
        headers: { "Retry-After": "5" },
        body: { message: "The export is ready, but the audit log could not record it, so it is not handed out. Try again in a moment." },
      };
    }
    const body: ExportAnswer = { totalCount: download.rowCount, downloadUrl: `/api/downloads/${link.token}`, filename: download.filename, expiresAt: new Date(link.expiresAt).toISOString() };
    return { status: 200, body };
  };
}

export type IssueExportLink = ReturnType<typeof createExportLinks>;
