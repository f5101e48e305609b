import { sql, type Kysely, type Migration } from "kysely";

/**
 * Versioned migrations, applied at start by Kysely's Migrator, which holds an advisory lock so
 * that two instances starting at once apply each migration once. Never edit a shipped
 * migration: add the next one.
 */
// oxlint-disable-next-line typescript/no-explicit-any -- migrations run against any schema version
type AnyDb = Kysely<any>;

const initial: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("sessions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("email", "text")
      .addColumn("name", "text")
      .addColumn("groups", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn("id_token", "text")
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("last_seen_at", "timestamptz", (c) => c.notNull())
      .addColumn("expires_at", "timestamptz", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("auth_flows")
      .addColumn("state", "text", (c) => c.primaryKey())
      .addColumn("nonce", "text", (c) => c.notNull())
      .addColumn("code_verifier", "text", (c) => c.notNull())
      .addColumn("return_to", "text", (c) => c.notNull())
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createTable("downloads")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("workspace_id", "text", (c) => c.notNull())
      .addColumn("channel_id", "text", (c) => c.notNull())
      .addColumn("storage_url", "text", (c) => c.notNull())
      .addColumn("filename", "text", (c) => c.notNull())
      .addColumn("row_count", "integer", (c) => c.notNull())
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("expires_at", "timestamptz", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("audit_log")
      .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("workspace_id", "text")
      .addColumn("channel_id", "text")
      .addColumn("details", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .execute();
    await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();
    await db.schema.createIndex("sessions_expires_at").on("sessions").column("expires_at").execute();
    await db.schema.createIndex("downloads_expires_at").on("downloads").column("expires_at").execute();
    // Append-only: rows are never changed. Only retention pruning deletes, and only old rows.
    await sql`
      create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then
          raise exception 'audit_log is append-only: rows cannot be changed';
        end if;
        if old.at > now() - interval '1 day' then
          raise exception 'audit_log is append-only: only rows past retention can be removed';
        end if;
        return old;
      end $$`.execute(db);
    await sql`
      create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
  },
};

/**
 * The per-person limits' counters (rate-limiter-flexible's PostgreSQL store, in its own
 * layout). Created here rather than by the library at start, where two instances starting
 * together would race and count apart until the table existed.
 */
const rateLimits: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("dashboard_rate_limits")
      .addColumn("key", "varchar(255)", (c) => c.primaryKey())
      .addColumn("points", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("expire", "bigint")
      .execute();
  },
};

/**
 * What a download needs to be rewritten for spreadsheets: which export it is (the columns
 * differ) and the label names of the workspace when it was made (names, not personal data).
 */
const downloadLayout: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable("downloads").addColumn("kind", "text", (c) => c.notNull().defaultTo("users")).execute();
    await db.schema.alterTable("downloads").addColumn("label_names", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)).execute();
  },
};

/**
 * Birthday lists are built by this server, not written to Storage by the vendor: their
 * downloads have no Storage URL, and keep the range (calendar days, not personal data) to
 * build the same list again when the link is followed.
 */
const birthdayDownloads: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable("downloads").alterColumn("storage_url", (c) => c.dropNotNull()).execute();
    await db.schema.alterTable("downloads").addColumn("birthday_range", "jsonb").execute();
  },
};

/**
 * Digests and alerts: subscriptions (destinations sealed), the outbox of deliveries (one row per
 * due occurrence, unique, so two instances cannot queue the same one twice; claimed with
 * `FOR UPDATE SKIP LOCKED`, which PGlite and PostgreSQL both have), each alert's episode state,
 * and the built-in mailbox that stands in for SMTP when none is configured.
 */
const notifications: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("notify_subscriptions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("owner_subject", "text", (c) => c.notNull())
      .addColumn("owner", "text", (c) => c.notNull())
      .addColumn("team", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("workspace_id", "text", (c) => c.notNull())
      .addColumn("channel_id", "text", (c) => c.notNull())
      .addColumn("destination_type", "text", (c) => c.notNull())
      .addColumn("destination_sealed", "text", (c) => c.notNull())
      .addColumn("destination_masked", "text", (c) => c.notNull())
      .addColumn("secret_sealed", "text")
      .addColumn("personal_data", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("settings", "jsonb", (c) => c.notNull())
      .addColumn("paused", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("stopped_reason", "text")
      .addColumn("next_due_at", "timestamptz")
      .addColumn("last_digest_at", "timestamptz")
      .addColumn("unsubscribe_hash", "text", (c) => c.notNull())
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex("notify_subscriptions_due").on("notify_subscriptions").columns(["paused", "next_due_at"]).execute();
    await db.schema
      .createTable("notify_deliveries")
      .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn("subscription_id", "text", (c) => c.notNull().references("notify_subscriptions.id").onDelete("cascade"))
      .addColumn("occurrence", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("next_attempt_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("lease_until", "timestamptz")
      .addColumn("last_error", "text")
      .addColumn("message_sealed", "text")
      .addColumn("personal_data", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("sent_at", "timestamptz")
      .addUniqueConstraint("notify_deliveries_once", ["subscription_id", "occurrence"])
      .execute();
    await db.schema.createIndex("notify_deliveries_ready").on("notify_deliveries").columns(["status", "next_attempt_at"]).execute();
    await db.schema.createIndex("notify_deliveries_created").on("notify_deliveries").column("created_at").execute();
    await db.schema
      .createTable("notify_alert_state")
      .addColumn("subscription_id", "text", (c) => c.notNull().references("notify_subscriptions.id").onDelete("cascade"))
      .addColumn("label_id", "text", (c) => c.notNull())
      .addColumn("granularity", "text", (c) => c.notNull())
      .addColumn("period", "text", (c) => c.notNull())
      .addColumn("fired_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint("notify_alert_state_pk", ["subscription_id", "label_id", "granularity"])
      .execute();
    await db.schema
      .createTable("notify_mailbox")
      .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn("delivery_id", "bigint", (c) => c.notNull().unique())
      .addColumn("subscription_id", "text", (c) => c.notNull())
      .addColumn("owner_subject", "text", (c) => c.notNull())
      .addColumn("mail_sealed", "text", (c) => c.notNull())
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  },
};

/**
 * Each destination's next free instant, shared by the instances (server/notify/destination-pace.ts):
 * Slack's one message a second and a 429's Retry-After hold the destination everywhere.
 */
const destinationPace: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("notify_destination_pace")
      .addColumn("destination_key", "text", (c) => c.primaryKey())
      .addColumn("next_free_at", "timestamptz", (c) => c.notNull())
      .execute();
  },
};

/**
 * The API key's budget shared by the instances on PostgreSQL (server/upstream/shared-budget.ts):
 * one token bucket and a row per call slot.
 */
const upstreamBudget: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("upstream_budget")
      .addColumn("name", "text", (c) => c.primaryKey())
      .addColumn("tokens", "float8", (c) => c.notNull())
      .addColumn("refilled_at", "timestamptz", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("upstream_slots")
      .addColumn("slot", "integer", (c) => c.primaryKey())
      .addColumn("holder", "text")
      .addColumn("lease_until", "timestamptz")
      .execute();
  },
};

/**
 * Settled overview windows of the long trends (server/trends/trend-store.ts), shared by the
 * instances and kept across restarts. `source` names the upstream (its address and key, hashed),
 * so windows of one API never answer for another.
 */
const trendWindows: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("trend_windows")
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("workspace_id", "text", (c) => c.notNull())
      .addColumn("channel_id", "text", (c) => c.notNull())
      .addColumn("granularity", "text", (c) => c.notNull())
      .addColumn("from_at", "timestamptz", (c) => c.notNull())
      .addColumn("to_at", "timestamptz", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("stored_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint("trend_windows_pkey", ["source", "workspace_id", "channel_id", "granularity", "from_at", "to_at"])
      .execute();
    await db.schema.createIndex("trend_windows_to_at").on("trend_windows").column("to_at").execute();
  },
};

/** The team's events marked on the charts (server/events/event-store.ts). */
const teamEvents: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("team_events")
      .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn("workspace_id", "text", (c) => c.notNull())
      .addColumn("channel_id", "text")
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("start_day", "date", (c) => c.notNull())
      .addColumn("end_day", "date", (c) => c.notNull())
      .addColumn("link", "text")
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex("team_events_workspace_days").on("team_events").columns(["workspace_id", "start_day", "end_day"]).execute();
  },
};

/** Grants managed in the dashboard, and requests for access (server/access/grant-store.ts, request-store.ts). */
const access: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable("access_grants")
      .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      // Exactly one of the two: a person (lower-cased e-mail) or a group.
      .addColumn("email", "text")
      .addColumn("group_name", "text")
      .addColumn("workspace_id", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("changed_by", "text", (c) => c.notNull())
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("changed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addCheckConstraint("access_grants_one_subject", sql`(email is null) <> (group_name is null)`)
      .execute();
    // One grant per person or group and workspace: a second is a change of role.
    await sql`create unique index access_grants_subject_workspace on access_grants (coalesce(email, ''), coalesce(group_name, ''), workspace_id)`.execute(db);
    await db.schema.createIndex("access_grants_email").on("access_grants").column("email").execute();
    await db.schema.createIndex("access_grants_group").on("access_grants").column("group_name").execute();
    await db.schema
      .createTable("access_requests")
      .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("email", "text")
      .addColumn("name", "text")
      .addColumn("workspace_id", "text")
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("note", "text")
      .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
      .addColumn("decided_by", "text")
      .addColumn("decided_at", "timestamptz")
      .addColumn("granted_role", "text")
      .addColumn("granted_workspace_id", "text")
      .addColumn("dismissed_at", "timestamptz")
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    // One pending request per person and workspace: asking again updates it.
    await sql`create unique index access_requests_pending on access_requests (subject, coalesce(workspace_id, '')) where status = 'pending'`.execute(db);
    await db.schema.createIndex("access_requests_status").on("access_requests").columns(["status", "created_at"]).execute();
  },
};

export const MIGRATIONS: Record<string, Migration> = {
  "2026-11-23-001-initial": initial,
  "2026-11-23-002-rate-limits": rateLimits,
  "2026-11-23-003-download-layout": downloadLayout,
  "2026-11-23-004-birthday-downloads": birthdayDownloads,
  "2026-12-02-005-notifications": notifications,
  "2026-12-02-006-destination-pace": destinationPace,
  "2026-12-02-007-upstream-budget": upstreamBudget,
  "2026-12-03-008-trend-windows": trendWindows,
  "2026-12-03-009-team-events": teamEvents,
  "2026-12-04-010-access": access,
};
