import { allows, roleInWorkspace } from "#contract/access";
import { quietUntil } from "#contract/schedule";
import type { AuditLog } from "../audit/audit-log";
import type { Grants, Principal } from "../identity/principal";
import type { UpstreamClient } from "../upstream/client";
import type { AppDb } from "../db/schema";
import { checkAlert } from "./alerts";
import { composeDigest, digestSpecOf } from "./digest";
import type { NotifyMessage } from "#contract/notifications";
import { backoffMs, MAX_ATTEMPTS, type DeliveryRow, type Outbox } from "./outbox";
import type { DestinationPace } from "./destination-pace";
import type { SecretBox } from "./secret-box";
import type { Sender } from "./send";
import type { SubscriptionRow, SubscriptionsStore } from "./subscriptions-store";

const MESSAGE = "notify-message";
/** Slack takes about one message a second per webhook; Discord a little more (shared by the instances: destination-pace.ts). */
const MIN_GAP_MS: Record<string, number> = { slack: 1_000, discord: 500, webhook: 0, email: 0 };
const RETRY_AFTER_MAX_MS = 3_600_000;
const ENQUEUE_BATCH = 50;
const CLAIM_BATCH = 10;
const MAX_BATCHES_PER_TICK = 20;

export interface WorkerDeps {
  outbox: Outbox;
  pace: DestinationPace;
  subscriptions: SubscriptionsStore;
  box: SecretBox;
  sender: Sender;
  upstream: UpstreamClient;
  audit: AuditLog;
  /** The owner's grants now (the access policy may have changed since they subscribed). */
  grantsOf: (owner: Principal) => Grants | Promise<Grants>;
  /** The dashboard's address, for links. */
  baseUrl: () => URL;
  /** Requests for access waiting in a workspace (a digest's "access" section, for admins). */
  pendingAccessRequests: (workspaceId: string) => Promise<number>;
  onOutcome?: (type: string, outcome: "sent" | "retry" | "failed" | "skipped") => void;
  db: AppDb;
  alertCheckMs: number;
  now?: () => number;
}

export type Outcome = "sent" | "retry" | "failed" | "skipped" | "held";

export function createWorker(deps: WorkerDeps) {
  const now = deps.now ?? Date.now;
  const lastChecked = new Map<string, number>();

  async function compose(sub: SubscriptionRow, delivery: DeliveryRow, personalData: boolean, admin: boolean): Promise<{ ok: true; message: NotifyMessage } | { ok: false; message: string }> {
    const s = sub.settings;
    if (sub.kind === "digest") {
      const sinceMs = sub.last_digest_at ? new Date(sub.last_digest_at).getTime() : undefined;
      // Requests for access are counted only while the owner may answer them.
      const accessRequests = admin && s.sections.includes("access") ? await deps.pendingAccessRequests(sub.workspace_id) : undefined;
      return composeDigest(deps.upstream, digestSpecOf({ workspaceId: sub.workspace_id, channelId: sub.channel_id, name: sub.name, settings: s, personalData, sinceMs, accessRequests }), deps.baseUrl(), now());
    }
    // Alerts are composed when they fire and arrive here with their message already kept.
    return { ok: false, message: `Nothing to send for ${delivery.occurrence}.` };
  }

  /** One attempt at one delivery this instance holds the lease of. */
  async function attempt(delivery: DeliveryRow): Promise<Outcome> {
    const sub = await deps.subscriptions.find(delivery.subscription_id);
    if (!sub) return (await deps.outbox.finish(delivery, { status: "skipped", error: "The subscription was deleted." }), "skipped");
    const owner = sub.settings.owner as Principal;
    const role = roleInWorkspace(await deps.grantsOf(owner), sub.workspace_id);
    if (!allows(role, "overview")) {
      const reason = `Stopped: ${sub.owner} no longer has access to workspace ${sub.workspace_id}.`;
      await deps.subscriptions.stop(sub.id, reason);
      await deps.outbox.finish(delivery, { status: "failed", error: reason });
      return "failed";
    }
    // Names go out only while the owner may see them, and only where the subscription allows.
    // To anyone but the owner's own address, only while the owner is still an admin there.
    const destination = deps.subscriptions.openDestination(sub);
    const reachesOthers = destination.type !== "email" || !owner.email || destination.target.toLowerCase() !== owner.email.toLowerCase();
    const personalData = sub.personal_data && allows(role, "personal-data") && (!reachesOthers || role === "admin");
    let message: NotifyMessage;
    const kept = delivery.message_sealed ? (JSON.parse(deps.box.open(delivery.message_sealed, MESSAGE)) as NotifyMessage) : undefined;
    // A kept message with names goes out only while names still may: otherwise it is composed again, counts only.
    if (kept && (!kept.personalData || personalData)) message = kept;
    else {
      const composed = await compose(sub, delivery, personalData, allows(role, "access"));
      if (!composed.ok) return retryOrFail(delivery, sub, composed.message, true, undefined);
      message = composed.message;
      if (message.empty && sub.settings.whenEmpty === "skip" && !delivery.occurrence.startsWith("manual:")) {
        await deps.outbox.finish(delivery, { status: "skipped", error: "Nothing to report (this digest skips empty days)." });
        await markDigest(sub, delivery);
        return "skipped";
      }
      await deps.outbox.keepMessage(delivery, deps.box.seal(JSON.stringify(message), MESSAGE), message.personalData);
    }
    const t = now();
    const quietHours = sub.settings.quietHours;
    const quiet = quietHours && sub.kind === "alert" ? quietUntil(quietHours, t, quietHours.timeZone ?? sub.settings.schedule?.timeZone ?? "UTC") : undefined;
    if (quiet !== undefined) return (await deps.outbox.finish(delivery, { status: "pending", nextAttemptMs: quiet, countAttempt: false }), "held");
    const slot = await deps.pace.take(destination.type, destination.target, t, MIN_GAP_MS[destination.type] ?? 0);
    if (!slot.ok) return (await deps.outbox.finish(delivery, { status: "pending", nextAttemptMs: slot.freeAtMs, countAttempt: false }), "held");
    const result = await deps.sender.send(destination, message, {
      subscriptionId: sub.id,
      deliveryId: String(delivery.id),
      workspaceId: sub.workspace_id,
      channelId: sub.channel_id,
    });
    if (!result.ok) {
      // A Retry-After speaks for the destination: what else is queued for it waits as long.
      if (result.retry && result.retryAfterSeconds !== undefined) await deps.pace.holdUntil(destination.type, destination.target, now() + Math.min(RETRY_AFTER_MAX_MS, result.retryAfterSeconds * 1000));
      return retryOrFail(delivery, sub, result.error, result.retry, result.retryAfterSeconds);
    }
    await deps.outbox.finish(delivery, { status: "sent" });
    await markDigest(sub, delivery);
    if (message.personalData) {
      await deps.audit.recordNow({
        actor: sub.owner,
        action: "notification_sent",
        workspaceId: sub.workspace_id,
        channelId: sub.channel_id,
        details: { subscription: sub.id, destination: `${sub.destination_type} ${sub.destination_masked}`, players: message.playersNamed, delivery: String(delivery.id) },
      });
    }
    deps.onOutcome?.(sub.destination_type, "sent");
    return "sent";
  }

  async function markDigest(sub: SubscriptionRow, delivery: DeliveryRow) {
    if (sub.kind === "digest" && delivery.occurrence.startsWith("digest:")) await deps.subscriptions.markDigestSent(sub.id, new Date(now()));
  }

  async function retryOrFail(delivery: DeliveryRow, sub: SubscriptionRow, error: string, retry: boolean, retryAfterSeconds: number | undefined): Promise<Outcome> {
    if (retry && delivery.attempts < MAX_ATTEMPTS) {
      const wait = retryAfterSeconds !== undefined ? Math.min(RETRY_AFTER_MAX_MS, retryAfterSeconds * 1000) : backoffMs(delivery.attempts);
      await deps.outbox.finish(delivery, { status: "pending", error, nextAttemptMs: now() + wait });
      deps.onOutcome?.(sub.destination_type, "retry");
      return "retry";
    }
    await deps.outbox.finish(delivery, { status: "failed", error });
    deps.onOutcome?.(sub.destination_type, "failed");
    return "failed";
  }

  /**
   * One round: queue what is due, take what is ready, and try each at once, so a slow or
   * hanging destination delays only itself (each send has its own time limit).
   */
  /** Alerts due a check (every ALERT_CHECK_MINUTES on each instance; episodes and occurrences are unique, so instances agree). */
  async function checkAlerts() {
    const t = now();
    const alerts = await deps.subscriptions.activeAlerts();
    for (const sub of alerts) {
      if ((lastChecked.get(sub.id) ?? 0) + deps.alertCheckMs > t) continue;
      lastChecked.set(sub.id, t);
      const result = await checkAlert({ db: deps.db, upstream: deps.upstream, outbox: deps.outbox, box: deps.box, baseUrl: deps.baseUrl() }, sub, t);
      if ("error" in result) lastChecked.set(sub.id, t - deps.alertCheckMs + 60_000); // try again in a minute
    }
  }

  async function tick(): Promise<Outcome[]> {
    while ((await deps.outbox.enqueueDue(now())) === ENQUEUE_BATCH);
    await checkAlerts();
    const outcomes: Outcome[] = [];
    // Batch after batch while there is more ready, so a busy morning is not spread over ticks.
    for (let batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
      const claimed = await deps.outbox.claim(now(), CLAIM_BATCH);
      outcomes.push(
        ...(await Promise.all(
          claimed.map((delivery) =>
            attempt(delivery).catch(async (error: unknown) => {
              const sub = await deps.subscriptions.find(delivery.subscription_id);
              return sub ? retryOrFail(delivery, sub, `Unexpected: ${(error as Error).message.slice(0, 200)}`, true, undefined) : ("skipped" as const);
            }),
          ),
        )),
      );
      if (claimed.length < CLAIM_BATCH) break;
    }
    return outcomes;
  }

  return { tick };
}

export type Worker = ReturnType<typeof createWorker>;
