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

export const MIGRATIONS: Record<string, Migration> = {
  "2026-11-23-001-initial": initial,
  "2026-11-23-002-rate-limits": rateLimits,
  "2026-11-23-003-download-layout": downloadLayout,
  "2026-11-23-004-birthday-downloads": birthdayDownloads,
};
