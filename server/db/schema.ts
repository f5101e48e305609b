import type { ColumnType, Generated, Kysely } from "kysely";

/**
 * The dashboard's own tables (not the vendor's data): sessions, sign-in flows in progress,
 * download links and the audit log. Timestamps are timestamptz, read back as Date.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;

export interface SessionsTable {
  /** SHA-256 of the cookie's random token: a leaked table holds no usable cookie. */
  id: string;
  subject: string;
  email: string | null;
  name: string | null;
  groups: Json<string[]>;
  /** Kept for RP-initiated logout (id_token_hint); never sent to the browser. */
  id_token: string | null;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  /** The absolute end, however active the session is. */
  expires_at: Timestamp;
}

export interface AuthFlowsTable {
  /** The OAuth `state`, also the row's key: the callback may reach another instance. */
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: CreatedAt;
}

export interface DownloadsTable {
  /** SHA-256 of the link's random id. */
  id: string;
  /** Who created the export: only they may download it. */
  subject: string;
  workspace_id: string;
  channel_id: string;
  /** Where the vendor put the file; null for files this server builds (birthday lists). */
  storage_url: string | null;
  filename: string;
  row_count: number;
  /** "users", "messages" or "birthdays": which columns the file has. */
  kind: ColumnType<string, string | undefined, never>;
  /** Label id -> name, for the messages file's name columns. */
  label_names: Json<Record<string, string>>;
  /** A birthday list's range, to build it again at download time. */
  birthday_range: ColumnType<{ from: string; days: number } | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  /** E-mail when known, else the subject; "local" in local mode. */
  actor: string;
  action: string;
  workspace_id: string | null;
  channel_id: string | null;
  /** What was asked (route, filters, counts): never names, birthdays or message texts. */
  details: Json<Record<string, unknown>>;
}

export interface NotifySubscriptionsTable {
  /** Random, not guessable: it appears in links. */
  id: string;
  owner_subject: string;
  /** The owner as the audit log names them (e-mail, else subject). */
  owner: string;
  team: ColumnType<boolean, boolean | undefined, boolean>;
  kind: "digest" | "alert";
  name: string;
  workspace_id: string;
  channel_id: string;
  destination_type: string;
  /** The e-mail address or URL, sealed (server/notify/secret-box.ts). */
  destination_sealed: string;
  /** What answers and logs may show: `a…@studio.com`, `hooks.slack.com/…/x1Yz`. */
  destination_masked: string;
  /** A webhook's signing secret, sealed. */
  secret_sealed: string | null;
  personal_data: ColumnType<boolean, boolean | undefined, boolean>;
  /** Schedule, sections, labels, quiet hours…: the subscription's own settings. */
  settings: Json<Record<string, unknown>>;
  paused: ColumnType<boolean, boolean | undefined, boolean>;
  stopped_reason: string | null;
  /** The next digest's instant; null for alerts and paused digests. */
  next_due_at: Timestamp | null;
  /** The last digest sent: "unusual since the last digest" starts here. */
  last_digest_at: Timestamp | null;
  /** SHA-256 of the one-click unsubscribe token. */
  unsubscribe_hash: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface NotifyDeliveriesTable {
  id: Generated<string>;
  subscription_id: string;
  /** What it is for, unique per subscription: "digest:2026-12-02", "alert:refund_request:day:2026-12-02", "manual:<id>". */
  occurrence: string;
  status: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** While sending: when another instance may take it over (this one died). */
  lease_until: Timestamp | null;
  last_error: string | null;
  /** The message as composed at its first attempt, sealed: retries send exactly that. */
  message_sealed: string | null;
  personal_data: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

export interface NotifyAlertStateTable {
  subscription_id: string;
  label_id: string;
  granularity: string;
  /** The period whose unusual count fired: a row is an episode in progress; none, re-armed. */
  period: string;
  fired_at: CreatedAt;
}

/** A destination's next free instant; the key is an HMAC of its address (never the address). */
export interface NotifyDestinationPaceTable {
  destination_key: string;
  next_free_at: Timestamp;
}

export interface NotifyMailboxTable {
  id: Generated<string>;
  delivery_id: string;
  subscription_id: string;
  owner_subject: string;
  mail_sealed: string;
  created_at: CreatedAt;
}

export interface TrendWindowsTable {
  source: string;
  workspace_id: string;
  channel_id: string;
  granularity: string;
  from_at: Timestamp;
  to_at: Timestamp;
  /** The upstream's overview of the window, as validated JSON text. */
  body: string;
  stored_at: CreatedAt;
}

export interface TeamEventsTable {
  id: Generated<string>;
  workspace_id: string;
  channel_id: string | null;
  title: string;
  /** Calendar days (UTC), read back as YYYY-MM-DD text by the store. */
  start_day: string;
  end_day: string;
  link: string | null;
  created_by: string;
  created_at: CreatedAt;
  /** Defaults to now on insert; set on every change. */
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AccessGrantsTable {
  id: Generated<string>;
  /** Lower-cased; null for a group's grant. */
  email: string | null;
  group_name: string | null;
  /** A workspace id or "*" (every workspace). */
  workspace_id: string;
  role: string;
  /** Who made or last changed it (e-mail, else subject). */
  changed_by: string;
  created_at: CreatedAt;
  changed_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface AccessRequestsTable {
  id: Generated<string>;
  subject: string;
  email: string | null;
  name: string | null;
  workspace_id: string | null;
  /** The role the refused page named. */
  role: string;
  /** The requester's own words, shown to admins only (never logged or audited). */
  note: string | null;
  status: ColumnType<string, string | undefined, string>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  granted_role: string | null;
  granted_workspace_id: string | null;
  /** The requester read the answer and put it away. */
  dismissed_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface DatabaseSchema {
  access_grants: AccessGrantsTable;
  access_requests: AccessRequestsTable;
  team_events: TeamEventsTable;
  trend_windows: TrendWindowsTable;
  notify_subscriptions: NotifySubscriptionsTable;
  notify_deliveries: NotifyDeliveriesTable;
  notify_alert_state: NotifyAlertStateTable;
  notify_mailbox: NotifyMailboxTable;
  notify_destination_pace: NotifyDestinationPaceTable;
  sessions: SessionsTable;
  auth_flows: AuthFlowsTable;
  downloads: DownloadsTable;
  audit_log: AuditLogTable;
}

export type AppDb = Kysely<DatabaseSchema>;
