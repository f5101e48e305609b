import type { DeliveriesQuery } from "#contract/notification-schemas";
import type { Delivery, MailboxEntry } from "#contract/notifications";
import type { AuditLog } from "../audit/audit-log";
import type { AppDb } from "../db/schema";
import type { Grants, Principal } from "../identity/principal";
import type { Logger } from "../logger";
import type { UpstreamClient } from "../upstream/client";
import { createOutbound, type OutboundPolicy } from "./outbound";
import { createDestinationPace } from "./destination-pace";
import { createOutbox } from "./outbox";
import { createSecretBox } from "./secret-box";
import { createSender, type Mailbox } from "./send";
import { createSubscriptionsStore } from "./subscriptions-store";
import { createWorker } from "./worker";

export interface NotifyServiceOptions {
  db: AppDb;
  key: Buffer;
  upstream: UpstreamClient;
  audit: AuditLog;
  logger: Logger;
  pendingAccessRequests: (workspaceId: string) => Promise<number>;
  grantsOf: (owner: Principal) => Grants | Promise<Grants>;
  baseUrl: () => URL;
  outbound: OutboundPolicy;
  smtpUrl: string | undefined;
  mailFrom: string;
  tickMs: number;
  alertCheckMs: number;
  onOutcome?: (type: string, outcome: string) => void;
  now?: () => number;
}

const MAIL = "notify-mailbox";

/** What a delivery was for, as people say it: "Digest for 2026-12-02", "Sent on request", "Alert: churn_risk on 2026-12-02 (UTC)". */
function occurrenceWords(occurrence: string): string {
  const [kind, ...rest] = occurrence.split(":");
  if (kind === "manual") return "Sent on request";
  if (kind === "digest") return `Digest for ${rest[0]}`;
  if (kind === "alert") return `Alert: ${rest[0]} on ${rest[2]} (UTC)`;
  return occurrence;
}

/**
 * Digests and alerts, assembled: the sealed store, the outbox, the sender and the loop every
 * instance runs (safe together: the outbox's rows are taken with SKIP LOCKED).
 */
export function createNotifyService(options: NotifyServiceOptions) {
  const { db } = options;
  const box = createSecretBox(options.key);
  const subscriptions = createSubscriptionsStore(db, box, options.key);
  const outbox = createOutbox(db);
  const outbound = createOutbound(options.outbound);
  const mailbox: Mailbox = {
    async keep(deliveryId, mail) {
      const delivery = await db.selectFrom("notify_deliveries").select(["subscription_id"]).where("id", "=", deliveryId).executeTakeFirstOrThrow();
      const sub = await subscriptions.find(delivery.subscription_id);
      await db
        .insertInto("notify_mailbox")
        .values({ delivery_id: deliveryId, subscription_id: delivery.subscription_id, owner_subject: sub?.owner_subject ?? "", mail_sealed: box.seal(JSON.stringify(mail), MAIL) })
        .onConflict((oc) => oc.column("delivery_id").doNothing())
        .execute();
    },
  };
  const unsubscribeUrl = (id: string) => new URL(`/api/unsubscribe/${subscriptions.unsubscribeToken(id)}`, options.baseUrl()).toString();
  const sender = createSender({ outbound, smtpUrl: options.smtpUrl, mailFrom: options.mailFrom, mailbox, unsubscribeUrl, ...(options.now ? { now: options.now } : {}) });
  const worker = createWorker({ db, alertCheckMs: options.alertCheckMs, outbox, pace: createDestinationPace(db, options.key), subscriptions, box, sender, upstream: options.upstream, audit: options.audit, grantsOf: options.grantsOf, pendingAccessRequests: options.pendingAccessRequests, baseUrl: options.baseUrl, ...(options.onOutcome ? { onOutcome: options.onOutcome } : {}), ...(options.now ? { now: options.now } : {}) });

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  /** One round at a time per instance; a failure is logged and the next round tries again. */
  const round = () => {
    running ??= worker
      .tick()
      .catch((error: unknown) => options.logger.error({ err: { message: (error as Error).message } }, "notification round failed"))
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  async function deliveries(viewerSubject: string, teamWorkspaces: readonly string[] | "all", q: DeliveriesQuery): Promise<{ items: Delivery[]; total: number }> {
    const visible = (await subscriptions.listFor(viewerSubject, teamWorkspaces)).map((s) => s.id);
    if (visible.length === 0) return { items: [], total: 0 };
    let query = db
      .selectFrom("notify_deliveries as d")
      .innerJoin("notify_subscriptions as s", "s.id", "d.subscription_id")
      .where("d.subscription_id", "in", q.subscription ? visible.filter((id) => id === q.subscription) : visible);
    if (q.status) query = query.where("d.status", "=", q.status);
    if (q.subscription && !visible.includes(q.subscription)) return { items: [], total: 0 };
    const total = await query.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirst();
    const rows = await query
      .select(["d.id", "d.subscription_id", "d.occurrence", "d.status", "d.attempts", "d.last_error", "d.next_attempt_at", "d.created_at", "d.sent_at", "d.personal_data", "s.name", "s.destination_type", "s.destination_masked"])
      .orderBy("d.created_at", "desc")
      .orderBy("d.id", "desc")
      .limit(q.limit ?? 50)
      .offset(q.offset ?? 0)
      .execute();
    return {
      total: Number(total?.n ?? 0),
      items: rows.map((r) => ({
        id: String(r.id),
        subscriptionId: r.subscription_id,
        subscriptionName: r.name,
        destination: { type: r.destination_type as Delivery["destination"]["type"], masked: r.destination_masked },
        occurrence: occurrenceWords(r.occurrence),
        status: r.status as Delivery["status"],
        attempts: r.attempts,
        lastError: r.last_error,
        nextAttemptAt: r.status === "pending" ? new Date(r.next_attempt_at).toISOString() : null,
        createdAt: new Date(r.created_at).toISOString(),
        sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
        personalData: r.personal_data,
      })),
    };
  }

  /** The built-in outbox: mails to this person's subscriptions, newest first. */
  async function mailboxFor(subject: string, limit = 50): Promise<MailboxEntry[]> {
    const rows = await db.selectFrom("notify_mailbox").selectAll().where("owner_subject", "=", subject).orderBy("id", "desc").limit(limit).execute();
    return rows.map((r) => ({ id: String(r.id), deliveryId: String(r.delivery_id), subscriptionId: r.subscription_id, at: new Date(r.created_at).toISOString(), ...(JSON.parse(box.open(r.mail_sealed, MAIL)) as Omit<MailboxEntry, "id" | "deliveryId" | "subscriptionId" | "at">) }));
  }

  return {
    subscriptions,
    outbox,
    worker,
    box,
    deliveries,
    mailboxFor,
    /** Runs a round now (Send now), without waiting for the next tick. */
    kick: () => void round(),
    round,
    start() {
      stopped = false;
      const loop = () => {
        if (stopped) return;
        timer = setTimeout(() => void round().then(loop), options.tickMs);
        timer.unref();
      };
      loop();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      sender.close();
      await outbound.close();
    },
  };
}

export type NotifyService = ReturnType<typeof createNotifyService>;
