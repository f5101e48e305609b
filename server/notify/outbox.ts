import { sql } from "kysely";
import { nextOccurrence } from "#contract/schedule";
import type { AppDb, NotifyDeliveriesTable } from "../db/schema";
import type { SubscriptionRow } from "./subscriptions-store";

/**
 * The durable outbox. A due occurrence becomes one row, unique per (subscription, occurrence),
 * in the same transaction that moves the subscription's next due time on, so two instances
 * cannot both queue it. A row is taken by one instance with `FOR UPDATE SKIP LOCKED` and held
 * by a lease: an instance that dies mid-send leaves a lease that runs out, and another instance
 * takes the row over. Nothing due is lost; a receiver that already got it can tell by the
 * delivery id (header and Message-ID), which stays the same on every attempt.
 */
export type DeliveryRow = Omit<NotifyDeliveriesTable, "id" | "status" | "attempts" | "next_attempt_at" | "personal_data" | "created_at" | "lease_until" | "sent_at"> & {
  lease_until: Date | null;
  sent_at: Date | null;
  id: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  personal_data: boolean;
  created_at: Date;
};

export const LEASE_MS = 120_000;
/** Attempts before a delivery is marked failed: 5 s, 15 s, 45 s, … growing to about an hour. */
export const MAX_ATTEMPTS = 8;

/** Seconds before attempt `n + 1` after `n` failed: ×3 from 5 s, capped at an hour, ±20 % jitter. */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(3_600_000, 5_000 * 3 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export function createOutbox(db: AppDb) {
  /** Queues every digest due by `nowMs` (at most `limit` per call) and moves each one's next due time on. */
  async function enqueueDue(nowMs: number, limit = 50): Promise<number> {
    return db.transaction().execute(async (trx) => {
      const due = (await trx
        .selectFrom("notify_subscriptions")
        .selectAll()
        .where("paused", "=", false)
        .where("kind", "=", "digest")
        .where("next_due_at", "<=", new Date(nowMs))
        .orderBy("next_due_at")
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute()) as unknown as SubscriptionRow[];
      for (const row of due) {
        const schedule = row.settings.schedule!;
        // The occurrence that came due (its local day names it); a server down for days sends
        // the latest one once, not a backlog.
        const dueAt = new Date(row.next_due_at!).getTime();
        const occurrence = nextOccurrence(schedule, dueAt - 1);
        await trx
          .insertInto("notify_deliveries")
          .values({ subscription_id: row.id, occurrence: `digest:${occurrence.localDay}`, next_attempt_at: new Date(nowMs) })
          .onConflict((oc) => oc.constraint("notify_deliveries_once").doNothing())
          .execute();
        await trx
          .updateTable("notify_subscriptions")
          .set({ next_due_at: new Date(nextOccurrence(schedule, Math.max(nowMs, dueAt)).atMs) })
          .where("id", "=", row.id)
          .execute();
      }
      return due.length;
    });
  }

  /** Queues one send of a named occurrence (Send now, an alert's episode); false when it was queued already. */
  async function enqueue(subscriptionId: string, occurrence: string, atMs: number, messageSealed?: string): Promise<DeliveryRow | undefined> {
    const row = await db
      .insertInto("notify_deliveries")
      .values({ subscription_id: subscriptionId, occurrence, next_attempt_at: new Date(atMs), ...(messageSealed ? { message_sealed: messageSealed } : {}) })
      .onConflict((oc) => oc.constraint("notify_deliveries_once").doNothing())
      .returningAll()
      .executeTakeFirst();
    return row as DeliveryRow | undefined;
  }

  /** Takes up to `limit` ready rows (pending and due, or sending with a lease run out) for this instance. */
  async function claim(nowMs: number, limit = 10): Promise<DeliveryRow[]> {
    const now = new Date(nowMs);
    const ready = db
      .selectFrom("notify_deliveries")
      .select("id")
      .where((eb) => eb.or([eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", now)]), eb.and([eb("status", "=", "sending"), eb("lease_until", "<", now)])]))
      .orderBy("next_attempt_at")
      .limit(limit)
      .forUpdate()
      .skipLocked();
    const rows = await db
      .updateTable("notify_deliveries")
      .set({ status: "sending", lease_until: new Date(nowMs + LEASE_MS), attempts: sql<number>`attempts + 1` })
      .where("id", "in", ready)
      .returningAll()
      .execute();
    return rows as unknown as DeliveryRow[];
  }

  /** The outcome of an attempt by the instance holding the lease (a row taken over since is left alone). */
  async function finish(delivery: DeliveryRow, outcome: { status: "sent" | "failed" | "skipped" | "pending"; error?: string | null; nextAttemptMs?: number; messageSealed?: string | null; personalData?: boolean; countAttempt?: boolean }) {
    await db
      .updateTable("notify_deliveries")
      .set({
        status: outcome.status,
        last_error: outcome.error ?? null,
        lease_until: null,
        ...(outcome.status === "sent" ? { sent_at: new Date() } : {}),
        ...(outcome.nextAttemptMs !== undefined ? { next_attempt_at: new Date(outcome.nextAttemptMs) } : {}),
        ...(outcome.messageSealed !== undefined ? { message_sealed: outcome.messageSealed } : {}),
        ...(outcome.personalData !== undefined ? { personal_data: outcome.personalData } : {}),
        // A hold (rate, quiet hours) is not an attempt.
        ...(outcome.countAttempt === false ? { attempts: sql<number>`attempts - 1` } : {}),
      })
      .where("id", "=", delivery.id)
      .where("status", "=", "sending")
      .where("lease_until", "=", delivery.lease_until as Date)
      .execute();
  }

  /** Keeps the composed message before the first send, so a retry sends exactly it. */
  async function keepMessage(delivery: DeliveryRow, messageSealed: string, personalData: boolean) {
    await db.updateTable("notify_deliveries").set({ message_sealed: messageSealed, personal_data: personalData }).where("id", "=", delivery.id).execute();
  }

  return { enqueueDue, enqueue, claim, finish, keepMessage };
}

export type Outbox = ReturnType<typeof createOutbox>;
