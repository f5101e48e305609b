import { sql } from "kysely";
import type { EventInput, EventPatch } from "#contract/event-schemas";
import type { TeamEvent } from "#contract/events";
import type { AppDb } from "../db/schema";
import { isUuid } from "../db/uuid";

/** The most events one answer lists (a chart of a range with more is unreadable anyway). */
export const EVENTS_LIST_MAX = 1000;


/**
 * The team's events in the application database. Days are PostgreSQL dates, read back as
 * YYYY-MM-DD text (a driver's Date would shift them by the server's time zone).
 */
export function createEventStore(db: AppDb) {
  const columns = [
    "id",
    "workspace_id",
    "channel_id",
    "title",
    "link",
    "created_by",
    "created_at",
    "updated_at",
    sql<string>`to_char(start_day, 'YYYY-MM-DD')`.as("start"),
    sql<string>`to_char(end_day, 'YYYY-MM-DD')`.as("end"),
  ] as const;
  type Row = { id: string; workspace_id: string; channel_id: string | null; title: string; link: string | null; created_by: string; created_at: Date; updated_at: Date; start: string; end: string };
  const toEvent = (r: Row): TeamEvent => ({
    id: r.id,
    workspaceId: r.workspace_id,
    mediumId: r.channel_id,
    title: r.title,
    start: r.start,
    end: r.end,
    link: r.link,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  });

  return {
    /** A workspace's events touching the days [from, to], of one channel (and every channel's) or all; at most `limit`. */
    async list(q: { workspaceId: string; mediumId?: string | undefined; from: string; to: string }, limit = EVENTS_LIST_MAX + 1): Promise<TeamEvent[]> {
      let query = db
        .selectFrom("team_events")
        .select(columns)
        .where("workspace_id", "=", q.workspaceId)
        .where(sql<boolean>`start_day <= ${q.to}::date`)
        .where(sql<boolean>`end_day >= ${q.from}::date`);
      if (q.mediumId !== undefined) {
        const channel = q.mediumId;
        query = query.where((eb) => eb.or([eb("channel_id", "is", null), eb("channel_id", "=", channel)]));
      }
      const rows = await query.orderBy("start_day").orderBy("title").limit(limit).execute();
      return (rows as Row[]).map(toEvent);
    },

    async get(id: string): Promise<TeamEvent | undefined> {
      if (!isUuid(id)) return undefined;
      const row = await db.selectFrom("team_events").select(columns).where("id", "=", id).executeTakeFirst();
      return row ? toEvent(row as Row) : undefined;
    },

    async create(input: EventInput, actor: string): Promise<TeamEvent> {
      const row = await db
        .insertInto("team_events")
        .values({
          workspace_id: input.workspaceId,
          channel_id: input.mediumId ?? null,
          title: input.title,
          start_day: input.start,
          end_day: input.end ?? input.start,
          link: input.link ?? null,
          created_by: actor,
        })
        .returning(columns)
        .executeTakeFirstOrThrow();
      return toEvent(row as Row);
    },

    /** Several at once, in one transaction: all are saved or none. */
    async createMany(inputs: readonly EventInput[], actor: string): Promise<TeamEvent[]> {
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .insertInto("team_events")
          .values(inputs.map((input) => ({ workspace_id: input.workspaceId, channel_id: input.mediumId ?? null, title: input.title, start_day: input.start, end_day: input.end ?? input.start, link: input.link ?? null, created_by: actor })))
          .returning(columns)
          .execute();
        return (rows as Row[]).map(toEvent);
      });
    },

    /** Applies a change, with its last day worked out by the caller (who checked start ≤ end). */
    async update(id: string, patch: Omit<EventPatch, "end"> & { end?: string }): Promise<TeamEvent> {
      const row = await db
        .updateTable("team_events")
        .set({
          ...(patch.mediumId !== undefined ? { channel_id: patch.mediumId } : {}),
          ...(patch.title !== undefined ? { title: patch.title } : {}),
          ...(patch.start !== undefined ? { start_day: patch.start } : {}),
          ...(patch.end !== undefined ? { end_day: patch.end } : {}),
          ...(patch.link !== undefined ? { link: patch.link } : {}),
          updated_at: new Date(),
        })
        .where("id", "=", id)
        .returning(columns)
        .executeTakeFirstOrThrow();
      return toEvent(row as Row);
    },

    async remove(id: string): Promise<void> {
      await db.deleteFrom("team_events").where("id", "=", id).execute();
    },
  };
}

export type EventStore = ReturnType<typeof createEventStore>;
