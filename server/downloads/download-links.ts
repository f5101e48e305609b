import type { AppDb } from "../db/schema";
/** A Storage file's columns differ by what was exported. */
export type ExportKind = "users" | "messages";
import { hashToken, newToken } from "../opaque-token";

/** Where a download's rows come from: the vendor's file on Storage, or a birthday list we build. */
export type DownloadSource =
  | {
      kind: ExportKind;
      storageUrl: string;
      /** Label id -> name when the export was made, for the file's name columns. */
      labelNames: Record<string, string>;
    }
  | { kind: "birthdays"; range: { from: string; days: number } };

/** What a new download link stands for; the Storage URL never leaves the server. */
export type NewDownload = {
  subject: string;
  workspaceId: string;
  channelId: string;
  filename: string;
  rowCount: number;
} & DownloadSource;

export type DownloadRecord = NewDownload & { expiresAt: number };

function sourceOf(row: { kind: string; storage_url: string | null; label_names: Record<string, string>; birthday_range: { from: string; days: number } | null }): DownloadSource {
  if (row.kind === "birthdays" && row.birthday_range) return { kind: "birthdays", range: row.birthday_range };
  return { kind: row.kind === "messages" ? "messages" : "users", storageUrl: row.storage_url ?? "", labelNames: row.label_names };
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
    async create(record: NewDownload, storageExpiresAt: number): Promise<{ token: string; expiresAt: number }> {
      const token = newToken();
      const expiresAt = Math.min(now() + options.ttlMs, storageExpiresAt);
      await db
        .insertInto("downloads")
        .values({
          id: hashToken(token),
          subject: record.subject,
          workspace_id: record.workspaceId,
          channel_id: record.channelId,
          storage_url: record.kind === "birthdays" ? null : record.storageUrl,
          filename: record.filename,
          row_count: record.rowCount,
          kind: record.kind,
          label_names: JSON.stringify(record.kind === "birthdays" ? {} : record.labelNames),
          birthday_range: record.kind === "birthdays" ? JSON.stringify(record.range) : null,
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
          filename: row.filename,
          rowCount: row.row_count,
          expiresAt: row.expires_at.getTime(),
          ...sourceOf(row),
        },
      };
    },

    async prune(): Promise<void> {
      await db.deleteFrom("downloads").where("expires_at", "<=", new Date(now() - KEEP_EXPIRED_MS)).execute();
    },
  };
}

export type DownloadLinks = ReturnType<typeof createDownloadLinks>;
