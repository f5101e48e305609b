import { createHash } from "node:crypto";
import { DAY_MS } from "#contract/assumptions";
import type { TrendWindow } from "#contract/trend-windows";
import type { AppDb } from "../db/schema";

export interface TrendWindowKey {
  workspaceId: string;
  channelId: string;
  window: TrendWindow;
}

/** Names an upstream by its address and key without holding either: a hash, never reversed. */
export function trendSource(baseUrl: string, apiKey: string): string {
  return createHash("sha256").update(`${baseUrl}\n${apiKey}`).digest("base64url").slice(0, 22);
}

/**
 * The settled windows of the long trends, in the application database: every instance reads
 * what any one stored, and a restart keeps them. A window is written once (the first writer
 * wins; a settled window's overview does not change), and windows that ended more than the
 * retention ago are removed as new ones come in.
 */
export function createTrendStore(db: AppDb, options: { source: string; retentionDays: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const where = (key: TrendWindowKey) =>
    db
      .selectFrom("trend_windows")
      .where("source", "=", options.source)
      .where("workspace_id", "=", key.workspaceId)
      .where("channel_id", "=", key.channelId)
      .where("granularity", "=", key.window.granularity)
      .where("from_at", "=", new Date(key.window.fromMs))
      .where("to_at", "=", new Date(key.window.toMs));

  return {
    /** The stored overview's JSON text, if this window is stored. */
    async get(key: TrendWindowKey): Promise<string | undefined> {
      const row = await where(key).select("body").executeTakeFirst();
      return row?.body;
    },

    async put(key: TrendWindowKey, body: string): Promise<void> {
      await db
        .insertInto("trend_windows")
        .values({
          source: options.source,
          workspace_id: key.workspaceId,
          channel_id: key.channelId,
          granularity: key.window.granularity,
          from_at: new Date(key.window.fromMs),
          to_at: new Date(key.window.toMs),
          body,
        })
        .onConflict((c) => c.doNothing())
        .execute();
      await db
        .deleteFrom("trend_windows")
        .where("to_at", "<", new Date(now() - options.retentionDays * DAY_MS))
        .execute();
    },
  };
}

export type TrendStore = ReturnType<typeof createTrendStore>;
