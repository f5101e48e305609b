import type { Pool } from "pg";
import { BudgetExceeded, createBudget, type Budget, type BudgetOptions } from "./budget";

/** How often a call waiting for a slot another instance holds asks again. */
const POLL_MS = 25;
const BUCKET = "api-key";
/** The bucket's tokens now: what it held, refilled at the key's rate ($5) since, never above one second's worth. */
const REFILLED = "LEAST($5::float8, tokens + EXTRACT(EPOCH FROM (now() - refilled_at))::float8 * $5::float8)";

export interface SharedBudgetOptions extends BudgetOptions {
  /** A slot held longer than this (an instance that died mid-call) is free again: the longest call's deadline and a margin. */
  leaseMs: number;
}

/**
 * The API key's budget shared by every instance on one PostgreSQL, so N instances together stay
 * within the key's rate and calls in flight instead of each taking the whole of it: one token
 * bucket row, refilled by the database's clock (instances' clocks may differ), and
 * `maxConcurrency` slot rows, each taken with FOR UPDATE SKIP LOCKED under a lease. A call takes
 * a slot and a token in one statement, or neither. While PostgreSQL does not answer, each
 * instance keeps its own budget in memory (as the per-person limits do), so calls go on.
 */
export function createSharedBudget(pool: Pool, options: SharedBudgetOptions): Budget & { ready(): Promise<void> } {
  const local = createBudget(options);
  const holderPrefix = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  let calls = 0;
  let waiting = 0;
  let prepared: Promise<void> | undefined;

  /** The bucket row and the slot rows exist (another instance may have made them already). */
  const ready = () =>
    (prepared ??= (async () => {
      await pool.query("INSERT INTO upstream_budget (name, tokens, refilled_at) VALUES ($1, $2, now()) ON CONFLICT (name) DO NOTHING", [BUCKET, options.maxRps]);
      await pool.query("INSERT INTO upstream_slots (slot) SELECT generate_series(1, $1::int) ON CONFLICT (slot) DO NOTHING", [options.maxConcurrency]);
    })().catch((error: unknown) => {
      prepared = undefined;
      throw error;
    }));

  /**
   * A slot and a token now, or how long to wait before asking again: one statement, so one round
   * trip and no transaction held open across them (every call pays this). The slot is locked
   * with SKIP LOCKED, so instances asking together take different ones; the token is spent by an
   * UPDATE whose condition PostgreSQL re-reads on the row's latest version, so two instances
   * never spend the same token; the slot is taken only if the token was, and the token only if a
   * slot was free.
   */
  async function tryStart(holder: string): Promise<{ slot: number } | { waitMs: number }> {
    const { rows } = await pool.query<{ slot: number | null; free: boolean; tokens: number | null }>(
      `WITH free AS (
         SELECT slot FROM upstream_slots
          WHERE slot <= $3::int AND (holder IS NULL OR lease_until < now())
          ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED
       ), spent AS (
         UPDATE upstream_budget SET tokens = ${REFILLED} - 1, refilled_at = now()
          WHERE name = $4 AND EXISTS (SELECT 1 FROM free) AND ${REFILLED} >= 1
          RETURNING tokens
       ), taken AS (
         UPDATE upstream_slots SET holder = $1, lease_until = now() + $2::int * interval '1 millisecond'
          WHERE slot = (SELECT slot FROM free) AND EXISTS (SELECT 1 FROM spent)
          RETURNING slot
       )
       SELECT (SELECT slot FROM taken) AS slot, EXISTS (SELECT 1 FROM free) AS free,
              (SELECT ${REFILLED} FROM upstream_budget WHERE name = $4) AS tokens`,
      [holder, options.leaseMs, options.maxConcurrency, BUCKET, options.maxRps],
    );
    const row = rows[0];
    if (row?.slot != null) return { slot: row.slot };
    if (!row?.free) return { waitMs: POLL_MS };
    const tokens = Number(row.tokens ?? 0);
    return { waitMs: Math.max(1, Math.ceil(((1 - tokens) / options.maxRps) * 1000)) };
  }

  async function run<T>(call: () => Promise<T>): Promise<{ waitedMs: number; result: T }> {
    const started = Date.now();
    const holder = `${holderPrefix}-${(calls += 1)}`;
    let slot: number | undefined;
    try {
      await ready();
      waiting += 1;
      try {
        for (;;) {
          const attempt = await tryStart(holder);
          if ("slot" in attempt) {
            slot = attempt.slot;
            break;
          }
          const waited = Date.now() - started;
          if (waited + attempt.waitMs > options.queueMs) throw new BudgetExceeded(Math.max(1000, attempt.waitMs));
          // A little jitter, so instances waiting together do not ask in lockstep.
          await new Promise((resolve) => setTimeout(resolve, Math.min(attempt.waitMs, POLL_MS) + Math.random() * 5));
        }
      } finally {
        waiting -= 1;
      }
    } catch (error) {
      if (error instanceof BudgetExceeded) throw error;
      // PostgreSQL is not answering: this instance spends from its own budget meanwhile.
      return local.run(call);
    }
    try {
      return { waitedMs: Date.now() - started, result: await call() };
    } finally {
      // Not awaited: the answer need not wait for it, and until it lands the slot only counts as
      // busy a moment longer (never fewer in flight than the key allows). If it is lost, the lease ends it.
      void pool.query("UPDATE upstream_slots SET holder = NULL, lease_until = NULL WHERE slot = $1 AND holder = $2", [slot, holder]).catch(() => undefined);
    }
  }

  return {
    run,
    ready,
    get waiting() {
      return waiting + local.waiting;
    },
  };
}
