import type { AppDb } from "../db/schema";
import type { ExportKind } from "./export-columns";
import { hashToken, newToken } from "../opaque-token";

/** What a download link stands for; the Storage URL never leaves the server. */
export interface DownloadRecord {
  subject: string;
  workspaceId: string;
  channelId: string;
  storageUrl: string;
  filename: string;
  rowCount: number;
  kind: ExportKind;
  /** Label id -> name when the export was made, for the file's name columns. */
  labelNames: Record<string, string>;
  expiresAt: number;
}

export type FoundDownload = { ok: true; download: DownloadRecord } | { ok: false; reason: "unknown" | "expired" };

/** Expired links are kept this long, so a late click reads "expired" rather than "unknown". */
const KEEP_EXPIRED_MS = 24 * 3_600_000;

/**
 * Download links: an opaque random id, stored (hashed) with the export it leads to and the
 * person who created it, valid for a short time. Any instance sharing the database serves it.
 */
export function createDownloadLinks(db: AppDb, options: { ttlMs: number; now?: () => number }) {
  const now = options.now ?? (() => Date.now());
  return {
    async create(record: Omit<DownloadRecord, "expiresAt">, storageExpiresAt: number): Promise<{ token: string; expiresAt: number }> {
      const token = newToken();
      const expiresAt = Math.min(now() + options.ttlMs, storageExpiresAt);
      await db
        .insertInto("downloads")
        .values({
          id: hashToken(token),
          subject: record.subject,
          workspace_id: record.workspaceId,
          channel_id: record.channelId,
          storage_url: record.storageUrl,
          filename: record.filename,
          row_count: record.rowCount,
          kind: record.kind,
          label_names: JSON.stringify(record.labelNames),
          expires_at: new Date(expiresAt),
        })
        .execute();
      return { token, expiresAt };
    },

    async find(token: string): Promise<FoundDownload> {
      const row = await db.selectFrom("downloads").selectAll().where("id", "=", hashToken(token)).executeTakeFirst();
      if (!row) return { ok: false, reason: "unknown" };
      if (row.expires_at.getTime() <= now()) return { ok: false, reason: "expired" };
      return {
        ok: true,
        download: {
          subject: row.subject,
          workspaceId: row.workspace_id,
          channelId: row.channel_id,
          storageUrl: row.storage_url,
          filename: row.filename,
          rowCount: row.row_count,
          kind: row.kind === "messages" ? "messages" : "users",
          labelNames: row.label_names,
          expiresAt: row.expires_at.getTime(),
        },
      };
    },

    async prune(): Promise<void> {
      await db.deleteFrom("downloads").where("expires_at", "<=", new Date(now() - KEEP_EXPIRED_MS)).execute();
    },
  };
}

export type DownloadLinks = ReturnType<typeof createDownloadLinks>;
