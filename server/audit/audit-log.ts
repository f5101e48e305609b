import { sql } from "kysely";
import type { AuditActionName, AuditEntry } from "#contract/dashboard-api";
import type { AppDb } from "../db/schema";
import type { Logger } from "../logger";

export type AuditAction = AuditActionName;

export interface AuditEvent {
  actor: string;
  action: AuditAction;
  workspaceId?: string | undefined;
  channelId?: string | undefined;
  /** Route, filters, counts, outcome: never names, birthdays or message texts. */
  details?: Record<string, unknown>;
}

export interface AuditQuery {
  actor?: string | undefined;
  action?: AuditAction | undefined;
  workspaceId?: string | undefined;
  fromMs?: number | undefined;
  toMs?: number | undefined;
  /** Workspaces whose rows the reader may see; undefined: every row. */
  visibleWorkspaces?: readonly string[] | undefined;
}

export type AuditRow = AuditEntry;

/**
 * The append-only audit log. Writing never fails the request it describes (the failure is
 * logged instead); reading is for admins, newest first, filtered and paged.
 */
export function createAuditLog(db: AppDb, logger: Logger) {
  function filtered(q: AuditQuery) {
    let query = db.selectFrom("audit_log");
    if (q.actor) query = query.where(sql<boolean>`lower(actor) like ${`%${q.actor.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`}`);
    if (q.action) query = query.where("action", "=", q.action);
    if (q.workspaceId) query = query.where("workspace_id", "=", q.workspaceId);
    if (q.fromMs !== undefined) query = query.where("at", ">=", new Date(q.fromMs));
    if (q.toMs !== undefined) query = query.where("at", "<", new Date(q.toMs));
    if (q.visibleWorkspaces) {
      const ids = q.visibleWorkspaces;
      query = ids.length > 0 ? query.where("workspace_id", "in", ids) : query.where(sql<boolean>`false`);
    }
    return query;
  }

  const toRow = (r: { at: Date; actor: string; action: string; workspace_id: string | null; channel_id: string | null; details: unknown }): AuditRow => ({
    at: r.at.toISOString(),
    actor: r.actor,
    action: r.action as AuditActionName,
    workspaceId: r.workspace_id,
    channelId: r.channel_id,
    details: (r.details ?? {}) as Record<string, unknown>,
  });
  const COLUMNS = ["at", "actor", "action", "workspace_id", "channel_id", "details"] as const;

  // Rows are written in small batches, off the request's path: one INSERT per request would
  // cost more than the request itself. Readers flush first, and so does shutdown.
  type Row = { at: Date; actor: string; action: string; workspace_id: string | null; channel_id: string | null; details: string };
  let queued: Row[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const rows = queued;
    queued = [];
    if (rows.length === 0) return writing;
    writing = writing.then(async () => {
      try {
        await db.insertInto("audit_log").values(rows as never).execute();
      } catch (error) {
        logger.error({ rows: rows.length, actions: [...new Set(rows.map((r) => r.action))], err: { message: (error as Error).message } }, "audit records failed");
      }
    });
    return writing;
  }

  const rowOf = (event: AuditEvent): Row => ({
    at: new Date(),
    actor: event.actor,
    action: event.action,
    workspace_id: event.workspaceId ?? null,
    channel_id: event.channelId ?? null,
    details: JSON.stringify(event.details ?? {}),
  });

  return {
    /** Queues the row (its time is now) and returns at once; it is written within 50 ms (views, sign-ins). */
    async record(event: AuditEvent): Promise<void> {
      queued.push(rowOf(event));
      if (queued.length >= 200) void flush();
      else timer ??= setTimeout(() => void flush(), 50);
    },

    /**
     * Writes the row now and resolves once it is committed; rejects when it cannot be written.
     * For what must never go unrecorded (personal data leaving the dashboard: an export's link,
     * a download's first byte), the caller answers only after this resolves. Queued rows go
     * first, so the log keeps its order.
     */
    async recordNow(event: AuditEvent): Promise<void> {
      const row = rowOf(event);
      await flush();
      await db.insertInto("audit_log").values(row as never).execute();
    },

    /**
     * Writes the row inside the caller's transaction: it commits with the change it describes
     * or not at all (a grant changed is never left unrecorded). Rows still queued are not
     * flushed first: that would wait on another connection while the transaction holds its
     * locks (and on PGlite's one connection, forever); their own times keep them in order.
     */
    async recordWithin(trx: AppDb, event: AuditEvent): Promise<void> {
      await trx.insertInto("audit_log").values(rowOf(event) as never).execute();
    },

    /** Writes every queued row. */
    flush,

    async list(q: AuditQuery, page: { limit: number; offset: number }): Promise<{ rows: AuditRow[]; total: number }> {
      await flush();
      const [rows, count] = await Promise.all([
        filtered(q).select(COLUMNS).orderBy("id", "desc").limit(page.limit).offset(page.offset).execute(),
        filtered(q).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { rows: rows.map(toRow), total: Number(count.n) };
    },

    /**
     * Rows newest first in batches, for a streamed CSV that never holds the whole log. Paged by
     * id (rows written meanwhile cannot shift the pages), which follows insertion time.
     */
    async *stream(q: AuditQuery, batch = 500): AsyncGenerator<AuditRow> {
      await flush();
      let before: string | undefined;
      for (;;) {
        let query = filtered(q).select([...COLUMNS, sql<string>`id::text`.as("key")]).orderBy("id", "desc").limit(batch);
        if (before !== undefined) query = query.where(sql<boolean>`id < ${before}::bigint`);
        const rows = await query.execute();
        yield* rows.map(toRow);
        if (rows.length < batch) return;
        before = rows[rows.length - 1]?.key;
      }
    },

    async prune(retentionDays: number): Promise<number> {
      await flush();
      const result = await db.deleteFrom("audit_log").where("at", "<", new Date(Date.now() - retentionDays * 86_400_000)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
