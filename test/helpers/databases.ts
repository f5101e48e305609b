import { PGlite } from "@electric-sql/pglite";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { describe } from "vitest";
import { openDatabase, type AppDatabase } from "../../server/db/open-database";

/**
 * Databases for tests: PGlite in memory, started from a data-dir template cached on disk (a
 * fresh initdb costs seconds; loading the template, under half a second), and PostgreSQL from
 * DATABASE_URL, one throwaway database per use.
 */
const PGLITE_VERSION = (JSON.parse(readFileSync("node_modules/@electric-sql/pglite/package.json", "utf8")) as { version: string })
  .version;
const TEMPLATE = join(tmpdir(), `dynamo-dashboard-pglite-${PGLITE_VERSION}.tar`);

let template: Promise<Blob> | undefined;
export function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    if (!existsSync(TEMPLATE)) {
      const fresh = await PGlite.create();
      const dump = await fresh.dumpDataDir("none");
      await fresh.close();
      const partial = `${TEMPLATE}.${process.pid}.${randomBytes(4).toString("hex")}`;
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      renameSync(partial, TEMPLATE); // atomic: parallel workers never read half a file
    }
    return new Blob([readFileSync(TEMPLATE)]);
  })();
  return template;
}

export async function freshPglite(): Promise<AppDatabase> {
  return openDatabase({ kind: "pglite", dataDir: undefined, template: await pgliteTemplate() });
}

export const postgresUrl = process.env.DATABASE_URL;

/** A new, empty PostgreSQL database on the DATABASE_URL server; dropped when closed. */
export async function freshPostgresUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!postgresUrl) throw new Error("DATABASE_URL is not set");
  const name = `dashboard_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = new Client({ connectionString: postgresUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

export async function freshPostgres(): Promise<AppDatabase> {
  const target = await freshPostgresUrl();
  const database = await openDatabase({ kind: "postgres", url: target.url });
  return { ...database, close: () => database.close().then(target.drop) };
}

if (!postgresUrl) {
  if (process.env.CI) throw new Error("CI must provide DATABASE_URL (see .ci/run): the PostgreSQL tests cannot be skipped there");
  console.warn("\n!!! DATABASE_URL is not set: the PostgreSQL half of the database tests is SKIPPED (see .ci/start-postgres) !!!\n");
}

/** Runs a suite once on PGlite and once on PostgreSQL (skipped, loudly, without DATABASE_URL outside CI). */
export function describeOnEachDatabase(name: string, suite: (open: () => Promise<AppDatabase>) => void) {
  describe(`${name} (PGlite)`, () => {
    suite(freshPglite);
  });
  describe.skipIf(!postgresUrl)(`${name} (PostgreSQL)`, () => {
    suite(freshPostgres);
  });
}
