import type { PGlite } from "@electric-sql/pglite";
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";

/**
 * PGlite behind Kysely's own PostgresDialect, so one SQL dialect serves both the embedded
 * database and PostgreSQL. PGlite is a single connection: a client is lent to one caller at
 * a time (queued), which keeps a transaction's statements together.
 */
export class PglitePool implements PostgresPool {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    const client = {
      query: async <R>(sqlText: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> => {
        const result = await this.pglite.query<R>(sqlText, parameters as unknown[]);
        const { command, rowCount } = result as unknown as { command?: string; rowCount?: number };
        return {
          command: (command ?? "SELECT") as PostgresQueryResult<R>["command"],
          rowCount: result.affectedRows ?? rowCount ?? result.rows.length,
          rows: result.rows,
        };
      },
      release,
    };
    return client as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.queue;
    await this.pglite.close();
  }
}
