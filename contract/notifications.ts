import type { Schedule } from "./notification-schemas";

/**
 * Subscriptions (digests and alerts), their destinations and deliveries: what our server
 * answers at /api/subscriptions, and the limits of what it accepts (the bodies' schemas are in
 * notification-schemas.ts; this file is zod-free, so the pages read it without the validator's
 * weight). Destination URLs and webhook secrets are write-only: an answer carries only a masked
 * form (the secret once, at creation).
 */

export const DESTINATION_TYPES = ["email", "slack", "discord", "webhook"] as const;
export type DestinationType = (typeof DESTINATION_TYPES)[number];
export const DIGEST_SECTIONS = ["birthdays", "unusual", "totals", "access"] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];
/** A new digest's sections: "access" (requests for access waiting) is an admin's choice, never a default. */
export const DEFAULT_DIGEST_SECTIONS: readonly DigestSection[] = ["birthdays", "unusual", "totals"];
export const DELIVERY_STATUSES = ["pending", "sending", "sent", "failed", "skipped"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A digest lists at most this many birthdays; the rest is a link to the full list. */
export const DIGEST_BIRTHDAYS_MAX = 50;
export const BIRTHDAY_DAYS_MAX = 30;
export const ALERT_LABELS_MAX = 50;

/** A subscription as answered: the destination masked, never its URL or secret. */
export interface Subscription {
  id: string;
  kind: "digest" | "alert";
  name: string;
  workspaceId: string;
  channelId: string;
  owner: string;
  team: boolean;
  personalData: boolean;
  paused: boolean;
  /** Why it stopped on its own (the owner lost the grant…), when it did. */
  stoppedReason: string | null;
  destination: { type: DestinationType; masked: string };
  schedule: Schedule | null;
  sections: DigestSection[];
  birthdayDays: number;
  whenEmpty: "skip" | "send";
  labels: string[] | "all";
  quietHours: { from: string; to: string; timeZone?: string | undefined } | null;
  /** The next time a digest is due (ISO), or null for alerts and paused ones. */
  nextDueAt: string | null;
  createdAt: string;
}

/** The answer to a creation: the webhook's signing secret appears here once and never again. */
export interface SubscriptionCreated {
  subscription: Subscription;
  signingSecret?: string;
}

export interface Delivery {
  id: string;
  subscriptionId: string;
  subscriptionName: string;
  destination: { type: DestinationType; masked: string };
  /** What it is for: "digest 2026-12-02", "manual", "alert refund_request 2026-12-02". */
  occurrence: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  /** When it is (re)tried next, while pending. */
  nextAttemptAt: string | null;
  createdAt: string;
  sentAt: string | null;
  /** Whether names, birthdays or message texts went out. */
  personalData: boolean;
}

export interface DeliveriesPage {
  items: Delivery[];
  total: number;
}

/**
 * A notification before it is dressed for a destination: e-mail, Slack, Discord and the
 * webhook's JSON all render this one model, so every destination says the same thing.
 */
export interface NotifySection {
  title: string;
  lines: string[];
  /** A link that opens the full list or the bar in the dashboard. */
  link?: { text: string; url: string };
}

export interface NotifyMessage {
  kind: "digest" | "alert" | "test";
  title: string;
  /** One sentence under the title. */
  summary: string;
  sections: NotifySection[];
  /** Whether names, birthdays or message texts are in it (audited when sent). */
  personalData: boolean;
  /** How many players it names (for the audit row). */
  playersNamed: number;
  /** True when every section is empty (the "nothing to report" choice applies). */
  empty: boolean;
  /** The dashboard view it came from. */
  dashboardUrl: string;
}

/** POST /api/subscriptions/preview: what a send would carry now, and its destination's rendering. */
export type SubscriptionPreview =
  | { kind: "alert"; message: string }
  | { kind: "digest"; empty: boolean; whenEmpty: "skip" | "send"; personalData: boolean; message: NotifyMessage; rendered: unknown };

/** GET /api/mailbox: the built-in outbox's mails (no SMTP_URL), newest first. */
export interface MailboxEntry {
  id: string;
  deliveryId: string;
  subscriptionId: string;
  at: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** The signed webhook's body (documented in the README). */
export interface WebhookBody {
  type: "digest" | "alert" | "test";
  subscriptionId: string;
  deliveryId: string;
  workspaceId: string;
  channelId: string;
  title: string;
  text: string;
  sections: { title: string; lines: string[]; link?: string }[];
  sentAt: string;
}

/** Header names of a signed webhook: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`. */
export const WEBHOOK_SIGNATURE_HEADER = "x-dynamo-signature";
export const WEBHOOK_DELIVERY_HEADER = "x-dynamo-delivery";
