import type { Pool } from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export interface UserLimitOptions {
  requestsPerMinute: number;
  exportsPerHour: number;
  /** With PostgreSQL, every instance counts in one table; otherwise each counts alone. */
  pgPool: Pool | undefined;
}

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number; message: string };

/**
 * Per-person limits (rate-limiter-flexible), so one person (or one runaway tab) cannot spend
 * the studio's API key: requests to the API per minute, and exports per hour.
 */
export function createUserLimits(options: UserLimitOptions) {
  const make = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract => {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration });
    if (!options.pgPool) return memory;
    // If PostgreSQL stops answering, each instance keeps counting in memory meanwhile.
    // The table is a migration (server/db/migrations.ts), so it exists before the first request.
    return new RateLimiterPostgres({
      storeClient: options.pgPool,
      tableName: "dashboard_rate_limits",
      tableCreated: true,
      keyPrefix,
      points,
      duration,
      insuranceLimiter: memory,
    });
  };
  const api = make("api", options.requestsPerMinute, 60);
  const exports = make("exports", options.exportsPerHour, 3600);
  // Every request is counted; on PostgreSQL, far from the limit, in batches (see countedInBatches).
  const requests = options.pgPool ? countedInBatches(api, options.requestsPerMinute) : api;

  async function consume(limiter: Pick<RateLimiterAbstract, "consume">, subject: string, what: string): Promise<LimitResult> {
    try {
      await limiter.consume(subject);
      return { ok: true };
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      return { ok: false, retryAfterSeconds, message: `You have made too many ${what} for now. Try again in ${retryAfterSeconds} s.` };
    }
  }

  return {
    request: (subject: string) => consume(requests, subject, "requests"),
    exportCreated: (subject: string) => consume(exports, subject, "exports"),
  };
}

export type UserLimits = ReturnType<typeof createUserLimits>;

/** How long a shared count may lag behind the requests this instance let through. */
const FLUSH_MS = 250;

/**
 * A limiter shared through the database, asked once per person per FLUSH_MS rather than once
 * per request while that person is far from the limit: requests are let through and counted
 * here, then added to the shared count in one consume of all of them (after FLUSH_MS, or once a
 * twentieth of the limit waits). Once a person's count (the shared one last read, plus what was
 * let through since) reaches half the limit, or a twentieth of it awaits the database's answer,
 * every request is checked against the database at once, as the plain limiter does.
 */
function countedInBatches(shared: RateLimiterAbstract, points: number): Pick<RateLimiterAbstract, "consume"> {
  /** Per person: let through and not yet sent, sent and not yet answered, and the shared count last read with its window's end. */
  interface Count {
    pending: number;
    sending: number;
    consumed: number;
    windowEnds: number;
  }
  const people = new Map<string, Count>();
  // At most a twentieth of the limit is let through unconfirmed (not yet in a count the database
  // answered) at each instance: N instances let a person through at most the limit and (N-1)
  // twentieths of it, however fast the requests come.
  const batch = Math.max(1, Math.floor(points / 20));
  let timer: NodeJS.Timeout | undefined;

  /** Sends `n` of a person's requests to the shared count; resolves with what the database says. */
  async function send(subject: string, entry: Count, n: number): Promise<RateLimiterRes> {
    entry.sending += n;
    try {
      const res = await shared.consume(subject, n);
      learn(entry, res);
      return res;
    } catch (error) {
      if (error instanceof RateLimiterRes) learn(entry, error);
      throw error;
    } finally {
      entry.sending -= n;
    }
  }
  const learn = (entry: Count, res: RateLimiterRes) => {
    entry.consumed = res.consumedPoints;
    entry.windowEnds = Date.now() + res.msBeforeNext;
  };

  function add(subject: string, entry: Count): void {
    const n = entry.pending;
    entry.pending = 0;
    send(subject, entry, n).catch((error: unknown) => {
      // Past the limit: those requests were let through already; the count says so, for the next ones.
      if (!(error instanceof RateLimiterRes)) entry.pending += n;
    });
  }

  function flushSoon(): void {
    timer ??= setTimeout(() => {
      timer = undefined;
      const now = Date.now();
      for (const [subject, entry] of people) {
        if (entry.pending > 0) add(subject, entry);
        else if (entry.sending === 0 && entry.windowEnds <= now) people.delete(subject);
      }
      if (people.size > 0) flushSoon();
    }, FLUSH_MS);
    timer.unref();
  }

  return {
    async consume(subject: string): Promise<RateLimiterRes> {
      let entry = people.get(subject);
      if (!entry) people.set(subject, (entry = { pending: 0, sending: 0, consumed: 0, windowEnds: 0 }));
      // What the shared count is at least: as last read, with what this instance has let through since.
      const unconfirmed = entry.sending + entry.pending;
      const counted = (entry.windowEnds > Date.now() ? entry.consumed : 0) + unconfirmed;
      if (counted + 1 <= points / 2 && unconfirmed + 1 <= batch) {
        entry.pending += 1;
        if (entry.pending >= batch) add(subject, entry);
        else flushSoon();
        return new RateLimiterRes(points - counted - 1, 0, counted + 1);
      }
      // Near the limit: this request and those not yet added, checked against the shared count now.
      const n = entry.pending + 1;
      entry.pending = 0;
      return send(subject, entry, n);
    },
  } as Pick<RateLimiterAbstract, "consume">;
}
