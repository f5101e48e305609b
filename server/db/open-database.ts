import { PGlite } from "@electric-sql/pglite";
import { Kysely, Migrator, PostgresDialect } from "kysely";
import { mkdir } from "node:fs/promises";
import { Pool } from "pg";
import { MIGRATIONS } from "./migrations";
import { PglitePool } from "./pglite-pool";
import type { AppDb, DatabaseSchema } from "./schema";

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  /** `dataDir` undefined: in memory (tests); `template`: a dumped data dir to start from. */
  | { kind: "pglite"; dataDir: string | undefined; template?: Blob };

export interface AppDatabase {
  db: AppDb;
  kind: DatabaseTarget["kind"];
  /** The PostgreSQL pool (shared rate limits use it); undefined on PGlite. */
  pgPool: Pool | undefined;
  /** A cheap round trip, for readiness. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

async function openPglite(target: Extract<DatabaseTarget, { kind: "pglite" }>): Promise<PGlite> {
  if (target.dataDir) await mkdir(target.dataDir, { recursive: true });
  return PGlite.create({
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(target.template ? { loadDataDir: target.template } : {}),
  });
}

/**
 * Opens the application database, PGlite (embedded, the default) or PostgreSQL, and applies
 * the migrations that are not applied yet.
 */
export async function openDatabase(target: DatabaseTarget): Promise<AppDatabase> {
  const pgPool = target.kind === "postgres" ? new Pool({ connectionString: target.url, max: 10, idleTimeoutMillis: 30_000 }) : undefined;
  // When PostgreSQL drops an idle connection (a restart, a failover, an administrator), pg
  // reports it on the pool; unheard, that event would end the process. The pool opens a new
  // connection on next use, and the query that needed it reports any real failure.
  pgPool?.on("error", () => undefined);
  const pool = pgPool ?? new PglitePool(await openPglite(target as Extract<DatabaseTarget, { kind: "pglite" }>));
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: "dashboard_migrations",
    migrationLockTableName: "dashboard_migrations_lock",
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw new Error(`The application database could not be migrated: ${(error as Error).message}`);
  }
  return {
    db,
    kind: target.kind,
    pgPool,
    ping: async () => {
      await db.selectNoFrom((eb) => eb.lit(1).as("one")).execute();
    },
    close: () => db.destroy(),
  };
}
