import { Pool } from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AppDatabase } from "../../../server/db/open-database";
import { createUserLimits } from "../../../server/http/user-limits";
import { createSharedBudget } from "../../../server/upstream/shared-budget";
import { freshPostgres, postgresUrl } from "../../helpers/databases";

/**
 * The API key's budget and the per-person limits as several instances share them on one
 * PostgreSQL: each "instance" here is its own budget or limiter on the same database, as each
 * server process makes one. (quota.test.ts checks the same through two running servers.)
 */
let database: AppDatabase;
let statements = 0;

/** The database's pool, counting the statements sent through it. */
function countingPool(): Pool {
  const pool = database.pgPool as Pool;
  return new Proxy(pool, {
    get(target, name, receiver) {
      if (name !== "query") return Reflect.get(target, name, receiver) as unknown;
      return (...args: unknown[]) => {
        statements += 1;
        return (target.query as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!postgresUrl)("shared through PostgreSQL", () => {
  beforeEach(async () => {
    database = await freshPostgres();
    statements = 0;
  });
  afterEach(async () => {
    await database.close();
  });

  describe("the API key's budget", () => {
    it("asks the database a few times, not once a call, while one instance keeps calling", async () => {
      const budget = createSharedBudget(countingPool(), { maxRps: 1000, maxConcurrency: 4, queueMs: 5_000 });
      await budget.ready();
      statements = 0;
      // 200 calls, four at a time, of about a millisecond each.
      const lanes = Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 50; i++) await budget.run(() => pause(1));
      });
      await Promise.all(lanes);
      // Per call it would be 200 or more (one to take, one to give back).
      expect(statements).toBeLessThan(60);
      await budget.close();
    });

    it("gives a slot it no longer uses back at once: calls alternating between two instances with one slot", async () => {
      const options = { maxRps: 100, maxConcurrency: 1, queueMs: 5_000 };
      const a = createSharedBudget(database.pgPool as Pool, options);
      const b = createSharedBudget(database.pgPool as Pool, options);
      const started = Date.now();
      for (let i = 0; i < 10; i++) await (i % 2 ? b : a).run(() => pause(5));
      // Kept until its lease ran out, the slot would make the second call alone wait 10 s.
      expect(Date.now() - started).toBeLessThan(2_000);
      await Promise.all([a.close(), b.close()]);
    });

    it("does not keep the slots from another instance while it stays busy", async () => {
      const options = { maxRps: 1000, maxConcurrency: 2, queueMs: 20_000 };
      const a = createSharedBudget(database.pgPool as Pool, options);
      const b = createSharedBudget(database.pgPool as Pool, options);
      await Promise.all([a.ready(), b.ready()]);
      // A busy with 80 calls of 20 ms (0.8 s of work on two slots), B asking for 6 meanwhile.
      let aDone = 0;
      const busyA = Promise.all(Array.from({ length: 80 }, () => a.run(() => pause(20)).then(() => (aDone += 1))));
      await pause(50);
      const bFinished: number[] = [];
      await Promise.all(Array.from({ length: 6 }, () => b.run(() => pause(20)).then(() => bFinished.push(aDone))));
      await busyA;
      // B's calls are all done before A's last ones: A gives its slots back to be contested.
      expect(Math.max(...bFinished)).toBeLessThan(70);
      await Promise.all([a.close(), b.close()]);
    });

    it("never exceeds the key's rate with tokens taken ahead: 500 calls at 200 a second between two instances", async () => {
      const options = { maxRps: 200, maxConcurrency: 100, queueMs: 20_000 };
      const a = createSharedBudget(database.pgPool as Pool, options);
      const b = createSharedBudget(database.pgPool as Pool, options);
      await Promise.all([a.ready(), b.ready()]);
      const starts: number[] = [];
      const began = Date.now();
      await Promise.all(Array.from({ length: 500 }, (_, i) => (i % 2 ? b : a).run(async () => void starts.push(Date.now()))));
      const elapsed = Date.now() - began;
      // At most a second's worth at once, then 200 a second: 300 more take 1.5 s at least.
      expect(elapsed).toBeGreaterThanOrEqual(1_450);
      starts.sort((x, y) => x - y);
      // In any one second, at most a burst and a second's refill (400), whatever the instance.
      let most = 0;
      for (let i = 0, j = 0; i < starts.length; i++) {
        while ((starts[i] as number) - (starts[j] as number) >= 1_000) j += 1;
        most = Math.max(most, i - j + 1);
      }
      expect(most).toBeLessThanOrEqual(400);
      await Promise.all([a.close(), b.close()]);
    });
  });

  describe("per-person limits", () => {
    it("count a person far from the limit in batches, not a statement per request", async () => {
      const limits = createUserLimits({ requestsPerMinute: 600, exportsPerHour: 10, pgPool: countingPool() });
      for (let i = 0; i < 100; i++) expect((await limits.request("ana")).ok).toBe(true);
      // A statement each would be 100; in batches of up to 30 (a twentieth of 600) it is a handful.
      expect(statements).toBeLessThanOrEqual(10);
    });

    it("hold across instances near the limit: 20 a minute, 40 requests alternating between two", async () => {
      const a = createUserLimits({ requestsPerMinute: 20, exportsPerHour: 10, pgPool: database.pgPool });
      const b = createUserLimits({ requestsPerMinute: 20, exportsPerHour: 10, pgPool: database.pgPool });
      let allowed = 0;
      for (let i = 0; i < 40; i++) if ((await (i % 2 ? b : a).request("ana")).ok) allowed += 1;
      // Each checks every request against the shared count from half the limit on, and lets
      // through at most one unconfirmed (a twentieth of 20) before it does.
      expect(allowed).toBeGreaterThanOrEqual(20);
      expect(allowed).toBeLessThanOrEqual(21);
      // Another person is not held back by Ana's count.
      expect((await a.request("ben")).ok).toBe(true);
    });

    it("count what was let through in batches: past the limit, the next request is refused", async () => {
      const limits = createUserLimits({ requestsPerMinute: 40, exportsPerHour: 10, pgPool: database.pgPool });
      let allowed = 0;
      for (let i = 0; i < 60; i++) if ((await limits.request("ana")).ok) allowed += 1;
      expect(allowed).toBe(40);
      const refused = await limits.request("ana");
      expect(refused.ok).toBe(false);
      expect(refused.ok ? "" : refused.message).toMatch(/too many requests/);
    });
  });
});

describe("the API key's budget without its database", () => {
  it("goes on in the instance's own budget while PostgreSQL does not answer", async () => {
    // Nothing listens on port 1.
    const unreachable = new Pool({ connectionString: "postgres://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 500 });
    const budget = createSharedBudget(unreachable, { maxRps: 10, maxConcurrency: 2, queueMs: 5_000 });
    const answers = await Promise.all([1, 2, 3].map((n) => budget.run(async () => n)));
    expect(answers.map((a) => a.result)).toEqual([1, 2, 3]);
    await budget.close();
    await unreachable.end();
  });
});
