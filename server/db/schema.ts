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

export interface DatabaseSchema {
  sessions: SessionsTable;
  auth_flows: AuthFlowsTable;
  downloads: DownloadsTable;
  audit_log: AuditLogTable;
}

export type AppDb = Kysely<DatabaseSchema>;
