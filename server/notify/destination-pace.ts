import { createHmac } from "node:crypto";
import { sql } from "kysely";
import type { AppDb } from "../db/schema";

/**
 * Each destination's pace, shared by every instance on the database: Slack takes about one
 * message a second per webhook, so two instances must not each send one a second; and a 429's
 * Retry-After holds the whole destination, not only the delivery that met it, or every message
 * queued behind it would knock again at once (a retry storm). One row per destination, keyed by
 * an HMAC of its address, which is itself a credential and never stored in the clear. A send
 * takes the destination's next slot in one statement, so two instances cannot both take it.
 */
export function createDestinationPace(db: AppDb, key: Buffer) {
  const keyOf = (type: string, target: string) => createHmac("sha256", key).update(`pace:${type}:${target}`).digest("base64url");

  /** Takes the slot at `nowMs` and holds the next `gapMs`; or says when the destination is free. */
  async function take(type: string, target: string, nowMs: number, gapMs: number): Promise<{ ok: true } | { ok: false; freeAtMs: number }> {
    const destinationKey = keyOf(type, target);
    const next = new Date(nowMs + gapMs);
    const taken = await db
      .insertInto("notify_destination_pace")
      .values({ destination_key: destinationKey, next_free_at: next })
      .onConflict((oc) => oc.column("destination_key").doUpdateSet({ next_free_at: next }).where("notify_destination_pace.next_free_at", "<=", new Date(nowMs)))
      .returning("destination_key")
      .executeTakeFirst();
    if (taken) return { ok: true };
    const row = await db.selectFrom("notify_destination_pace").select("next_free_at").where("destination_key", "=", destinationKey).executeTakeFirst();
    return { ok: false, freeAtMs: row ? new Date(row.next_free_at).getTime() : nowMs };
  }

  /** Nothing goes to the destination before `untilMs` (its Retry-After), from any instance. */
  async function holdUntil(type: string, target: string, untilMs: number): Promise<void> {
    await db
      .insertInto("notify_destination_pace")
      .values({ destination_key: keyOf(type, target), next_free_at: new Date(untilMs) })
      .onConflict((oc) => oc.column("destination_key").doUpdateSet({ next_free_at: sql`greatest(notify_destination_pace.next_free_at, excluded.next_free_at)` }))
      .execute();
  }

  return { take, holdUntil };
}

export type DestinationPace = ReturnType<typeof createDestinationPace>;
