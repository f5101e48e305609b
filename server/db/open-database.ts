import { PGlite } from "@electric-sql/pglite";
import { Kysely, Migrator, PostgresDialect } from "kysely";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
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

/**
 * The embedded database serves one dashboard: PostgreSQL's defaults (128 MB of shared buffers
 * and more) are sized for a server, and in WebAssembly that memory is never given back.
 */
const EMBEDDED_SETTINGS = ["shared_buffers = 16MB", "work_mem = 2MB", "maintenance_work_mem = 16MB", "temp_buffers = 2MB", "wal_buffers = 1MB"];

/**
 * A new data folder is made (initdb) by a short-lived process of its own: initdb grows
 * PGlite's WebAssembly memory to several hundred MiB, which a process never gives back, so
 * the dashboard would carry it for as long as it runs. Made apart, it costs the dashboard nothing.
 * Its WebAssembly is compiled by V8's baseline compiler only (--liftoff-only): initdb runs once,
 * so the optimizing tier would cost more time than it saves.
 */
async function initDataDir(dataDir: string): Promise<void> {
  const entry = pathToFileURL(createRequire(import.meta.url).resolve("@electric-sql/pglite")).href;
  const script = `const { PGlite } = await import(${JSON.stringify(entry)}); const db = await PGlite.create({ dataDir: ${JSON.stringify(dataDir)} }); await db.close();`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--liftoff-only", "--input-type=module", "-e", script], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString("utf8").slice(0, 2000)));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`The embedded database's folder ${dataDir} could not be made (exit ${code}): ${stderr.trim()}`))));
  });
}

async function openPglite(target: Extract<DatabaseTarget, { kind: "pglite" }>): Promise<PGlite> {
  if (target.dataDir) {
    await mkdir(target.dataDir, { recursive: true });
    if (!target.template && !existsSync(join(target.dataDir, "PG_VERSION"))) await initDataDir(target.dataDir);
  }
  return PGlite.create({
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(target.template ? { loadDataDir: target.template } : {}),
    postgresqlconf: EMBEDDED_SETTINGS,
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
