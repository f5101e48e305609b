import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import type { ChannelScope } from "#contract/channel-scope";
import type { SubscriptionInput, SubscriptionPatch } from "#contract/notification-schemas";
import { DEFAULT_DIGEST_SECTIONS, type DigestSection, type Subscription } from "#contract/notifications";
import { nextOccurrence, type Schedule } from "#contract/schedule";
import type { AppDb, NotifySubscriptionsTable } from "../db/schema";
import type { Principal } from "../identity/principal";
import { maskEmail, maskUrl } from "./outbound";
import type { OpenDestination } from "./send";
import type { SecretBox } from "./secret-box";

/** A subscription's own settings (the `settings` column): what it sends, when, and for whom. */
export interface SubscriptionSettings {
  owner: Pick<Principal, "subject" | "email" | "name" | "groups">;
  schedule: Schedule | null;
  sections: DigestSection[];
  birthdayDays: number;
  whenEmpty: "skip" | "send";
  labels: string[] | "all";
  quietHours: { from: string; to: string; timeZone?: string | undefined } | null;
}

export type SubscriptionRow = Omit<NotifySubscriptionsTable, "settings" | "team" | "paused" | "personal_data" | "created_at" | "updated_at" | "next_due_at" | "last_digest_at"> & {
  settings: SubscriptionSettings;
  team: boolean;
  paused: boolean;
  personal_data: boolean;
  created_at: Date;
  updated_at: Date;
  next_due_at: Date | null;
  last_digest_at: Date | null;
};

/** A subscription's settings from its creation body, the defaults filled in (one home for them). */
export function settingsFrom(input: SubscriptionInput, owner: Principal): SubscriptionSettings {
  return {
    owner: { subject: owner.subject, email: owner.email, name: owner.name, groups: owner.groups },
    schedule: input.kind === "digest" ? input.schedule : null,
    sections: input.kind === "digest" ? (input.sections ?? [...DEFAULT_DIGEST_SECTIONS]) : [],
    birthdayDays: input.kind === "digest" ? (input.birthdayDays ?? 0) : 0,
    whenEmpty: input.kind === "digest" ? (input.whenEmpty ?? "skip") : "skip",
    labels: input.kind === "alert" ? (input.labels ?? "all") : "all",
    quietHours: input.quietHours ?? null,
  };
}

export const nameOf = (input: SubscriptionInput) => input.name ?? (input.kind === "digest" ? "VIP digest" : "Label alert");

const DESTINATION = "notify-destination";
const SECRET = "notify-webhook-secret";

export function createSubscriptionsStore(db: AppDb, box: SecretBox, unsubscribeKey: Buffer) {
  /** The one-click unsubscribe token: derived, so it needs no storage and only this server can make it. */
  const unsubscribeToken = (id: string) => `${id}.${createHmac("sha256", unsubscribeKey).update(`unsubscribe:${id}`).digest("base64url")}`;

  async function create(input: SubscriptionInput, scope: ChannelScope, owner: Principal, actor: string, nowMs: number): Promise<{ row: SubscriptionRow; signingSecret: string | undefined }> {
    const id = randomUUID();
    const destination = input.destination;
    const target = destination.type === "email" ? destination.to : destination.url;
    const signingSecret = destination.type === "webhook" ? `whsec_${randomBytes(24).toString("base64url")}` : undefined;
    const settings = settingsFrom(input, owner);
    const row = await db
      .insertInto("notify_subscriptions")
      .values({
        id,
        owner_subject: owner.subject,
        owner: actor,
        team: input.team ?? false,
        kind: input.kind,
        name: nameOf(input),
        workspace_id: scope.workspaceId,
        channel_id: scope.channelId,
        destination_type: destination.type,
        destination_sealed: box.seal(target, DESTINATION),
        destination_masked: destination.type === "email" ? maskEmail(target) : maskUrl(target),
        secret_sealed: signingSecret ? box.seal(signingSecret, SECRET) : null,
        personal_data: input.personalData ?? false,
        settings: JSON.stringify(settings),
        next_due_at: settings.schedule ? new Date(nextOccurrence(settings.schedule, nowMs).atMs) : null,
        unsubscribe_hash: createHash("sha256").update(unsubscribeToken(id)).digest("hex"),
        // The creation instant on the caller's clock, as every other time of the row: alerts
        // leave alone periods that had ended before the subscription existed.
        created_at: new Date(nowMs),
        updated_at: new Date(nowMs),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { row: row as unknown as SubscriptionRow, signingSecret };
  }

  const find = async (id: string) => (await db.selectFrom("notify_subscriptions").selectAll().where("id", "=", id).executeTakeFirst()) as SubscriptionRow | undefined;

  function openDestination(row: SubscriptionRow): OpenDestination {
    return {
      type: row.destination_type as OpenDestination["type"],
      target: box.open(row.destination_sealed, DESTINATION),
      secret: row.secret_sealed ? box.open(row.secret_sealed, SECRET) : undefined,
    };
  }

  /** Stops a subscription on its own (the owner lost the grant, a destination refused for good). */
  async function stop(id: string, reason: string) {
    await db.updateTable("notify_subscriptions").set({ paused: true, stopped_reason: reason, next_due_at: null, updated_at: new Date() }).where("id", "=", id).execute();
  }

  /** One-click unsubscribe: checks the token, pauses that subscription only. */
  async function unsubscribe(token: string): Promise<SubscriptionRow | undefined> {
    const id = token.split(".")[0] ?? "";
    if (!/^[0-9a-f-]{36}$/.test(id) || token !== unsubscribeToken(id)) return undefined;
    const row = await find(id);
    if (row) await stop(id, "Unsubscribed from the e-mail's link.");
    return row;
  }

  async function markDigestSent(id: string, at: Date) {
    await db.updateTable("notify_subscriptions").set({ last_digest_at: at }).where("id", "=", id).execute();
  }

  /** Every subscription a person owns, and the team's in the workspaces given. */
  async function listFor(subject: string, teamWorkspaces: readonly string[] | "all"): Promise<SubscriptionRow[]> {
    const rows = await db
      .selectFrom("notify_subscriptions")
      .selectAll()
      .where((eb) => {
        const team = teamWorkspaces === "all" ? eb("team", "=", true) : teamWorkspaces.length > 0 ? eb.and([eb("team", "=", true), eb("workspace_id", "in", teamWorkspaces)]) : eb.lit(false);
        return eb.or([eb("owner_subject", "=", subject), team]);
      })
      .orderBy("created_at", "desc")
      .limit(500)
      .execute();
    return rows as unknown as SubscriptionRow[];
  }

  async function update(row: SubscriptionRow, patch: SubscriptionPatch, nowMs: number): Promise<SubscriptionRow> {
    const settings: SubscriptionSettings = {
      ...row.settings,
      ...(patch.schedule && row.kind === "digest" ? { schedule: patch.schedule } : {}),
      ...(patch.sections && row.kind === "digest" ? { sections: patch.sections } : {}),
      ...(patch.birthdayDays !== undefined ? { birthdayDays: patch.birthdayDays } : {}),
      ...(patch.whenEmpty ? { whenEmpty: patch.whenEmpty } : {}),
      ...(patch.labels && row.kind === "alert" ? { labels: patch.labels } : {}),
      ...(patch.quietHours !== undefined ? { quietHours: patch.quietHours } : {}),
    };
    const paused = patch.paused ?? row.paused;
    const resumed = row.paused && !paused;
    const nextDue = !paused && settings.schedule ? new Date(nextOccurrence(settings.schedule, nowMs).atMs) : null;
    const updated = await db
      .updateTable("notify_subscriptions")
      .set({
        settings: JSON.stringify(settings),
        paused,
        ...(patch.name ? { name: patch.name } : {}),
        ...(patch.personalData !== undefined ? { personal_data: patch.personalData } : {}),
        ...(resumed ? { stopped_reason: null } : {}),
        next_due_at: nextDue,
        updated_at: new Date(nowMs),
      })
      .where("id", "=", row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return updated as unknown as SubscriptionRow;
  }

  async function remove(id: string) {
    await db.deleteFrom("notify_subscriptions").where("id", "=", id).execute();
  }

  const activeAlerts = async () => (await db.selectFrom("notify_subscriptions").selectAll().where("kind", "=", "alert").where("paused", "=", false).limit(1000).execute()) as unknown as SubscriptionRow[];

  return { activeAlerts, create, find, openDestination, stop, unsubscribe, unsubscribeToken, markDigestSent, listFor, update, remove };
}

export type SubscriptionsStore = ReturnType<typeof createSubscriptionsStore>;

/** The answer's form: the destination masked, the settings flattened. */
export function toSubscription(row: SubscriptionRow): Subscription {
  const s = row.settings;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    owner: row.owner,
    team: row.team,
    personalData: row.personal_data,
    paused: row.paused,
    stoppedReason: row.stopped_reason,
    destination: { type: row.destination_type as Subscription["destination"]["type"], masked: row.destination_masked },
    schedule: s.schedule,
    sections: s.sections,
    birthdayDays: s.birthdayDays,
    whenEmpty: s.whenEmpty,
    labels: s.labels,
    quietHours: s.quietHours,
    nextDueAt: row.next_due_at ? new Date(row.next_due_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
