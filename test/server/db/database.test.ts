import { sql } from "kysely";
import { expect, it } from "vitest";
import { createAuditLog } from "../../../server/audit/audit-log";
import { MIGRATIONS } from "../../../server/db/migrations";
import { openDatabase } from "../../../server/db/open-database";
import { createLogger } from "../../../server/logger";
import { describeOnEachDatabase, freshPostgres, freshPostgresUrl, postgresUrl } from "../../helpers/databases";

describeOnEachDatabase("the application database", (open) => {
  it("applies the migrations and answers queries", async () => {
    const database = await open();
    try {
      await database.ping();
      const tables = await sql<{ name: string }>`
        select table_name as name from information_schema.tables where table_schema = 'public' order by 1`.execute(database.db);
      expect(tables.rows.map((t) => t.name)).toEqual(
        expect.arrayContaining(["audit_log", "auth_flows", "dashboard_migrations", "downloads", "sessions"]),
      );
    } finally {
      await database.close();
    }
  });

  it("keeps the audit log append-only: no update, no delete of recent rows, pruning of old rows", async () => {
    const database = await open();
    const { db } = database;
    try {
      await db.insertInto("audit_log").values({ actor: "a@x", action: "sign_in", details: "{}" }).execute();
      const old = new Date(Date.now() - 400 * 86_400_000);
      await db.insertInto("audit_log").values({ actor: "b@x", action: "sign_in", details: "{}", at: old } as never).execute();
      await expect(db.updateTable("audit_log").set({ actor: "someone else" }).execute()).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom("audit_log").where("actor", "=", "a@x").execute()).rejects.toThrow(/append-only/);
      await db.deleteFrom("audit_log").where("at", "<", new Date(Date.now() - 365 * 86_400_000)).execute();
      const left = await db.selectFrom("audit_log").select("actor").execute();
      expect(left).toEqual([{ actor: "a@x" }]);
    } finally {
      await database.close();
    }
  });
});

it.skipIf(!postgresUrl)("two instances starting at once on one PostgreSQL migrate it once", async () => {
  const target = await freshPostgresUrl();
  try {
    const [a, b] = await Promise.all([
      openDatabase({ kind: "postgres", url: target.url }),
      openDatabase({ kind: "postgres", url: target.url }),
    ]);
    const applied = await a.db.selectFrom("dashboard_migrations" as never).selectAll().execute();
    // Each migration applied exactly once, though both instances ran the migrator.
    expect(applied).toHaveLength(Object.keys(MIGRATIONS).length);
    await Promise.all([a.close(), b.close()]);
  } finally {
    await target.drop();
  }
});

describeOnEachDatabase("audit retention", (open) => {
  it("removes rows past the retention period and keeps the rest", async () => {
    const database = await open();
    try {
      const audit = createAuditLog(database.db, createLogger("silent"));
      await audit.record({ actor: "new@x", action: "sign_in" });
      const at = (days: number) => new Date(Date.now() - days * 86_400_000);
      await database.db.insertInto("audit_log").values([
        { actor: "old@x", action: "sign_in", details: "{}", at: at(40) } as never,
        { actor: "older@x", action: "sign_in", details: "{}", at: at(400) } as never,
      ]).execute();
      expect(await audit.prune(30)).toBe(2);
      const { rows, total } = await audit.list({}, { limit: 10, offset: 0 });
      expect(total).toBe(1);
      expect(rows[0]).toMatchObject({ actor: "new@x", action: "sign_in" });
    } finally {
      await database.close();
    }
  });
});

it.skipIf(!postgresUrl)("keeps working when PostgreSQL drops its idle connections", async () => {
  const database = await freshPostgres();
  try {
    // Several pooled connections, then all but the asking one ended by the server.
    await Promise.all([database.ping(), database.ping(), database.ping()]);
    const ended = await sql<{ ok: boolean }>`
      select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(database.db);
    expect(ended.rows.length).toBeGreaterThan(0);
    // Once the server has ended them (the pool's clients do not know yet): then ask again.
    const others = sql<{ n: string }>`select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
    await expect.poll(async () => Number((await others.execute(database.db)).rows[0]!.n), { interval: 20 }).toBe(0);
    await expect(Promise.all([database.ping(), database.ping(), database.ping()])).resolves.toHaveLength(3);
  } finally {
    await database.close();
  }
});
