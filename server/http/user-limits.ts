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

  async function consume(limiter: RateLimiterAbstract, subject: string, what: string): Promise<LimitResult> {
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
    request: (subject: string) => consume(api, subject, "requests"),
    exportCreated: (subject: string) => consume(exports, subject, "exports"),
  };
}

export type UserLimits = ReturnType<typeof createUserLimits>;
