import { sql } from "kysely";
import { expect, it } from "vitest";
import { openDatabase } from "../../../server/db/open-database";
import { describeOnEachDatabase, freshPostgresUrl, postgresUrl } from "../../helpers/databases";

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
    expect(applied).toHaveLength(1);
    await Promise.all([a.close(), b.close()]);
  } finally {
    await target.drop();
  }
});
