import type { Pool } from "pg";
import { BudgetExceeded, createBudget, type Budget, type BudgetOptions } from "./budget";

const BUCKET = "api-key";
/** How soon a call waiting for a slot another instance holds asks again. */
const POLL_MS = 25;
/** Polls are spread over this much more, so instances do not ask in step. */
const POLL_JITTER_MS = 5;
/** A slot this instance holds but has not used for this long goes back to the others. */
const IDLE_MS = 20;
/**
 * A slot goes back to the others when a call on it ends this long after it was taken, however
 * busy this instance is, and this instance asks for it again no sooner than another instance's
 * next poll: slots are reused by the instance holding them, but not kept from the others.
 */
const HOLD_MS = 250;
/** A held slot's lease, renewed while the instance lives: an instance that dies gives its slots back within it. */
const LEASE_MS = 10_000;
const RENEW_MS = 2_000;
/**
 * At a high rate, tokens are taken ahead, a twentieth of a second's worth at a time, so the
 * database is asked a few times a second rather than once a call. A token taken ahead is spent
 * within TOKEN_LIFE_MS or dropped, and the bucket holds that much less than a second's worth,
 * so calls, however late after their token, never exceed the key's rate and burst. Below that
 * rate, tokens are taken only for calls that start at once.
 */
const AHEAD_FROM_RPS = 40;
const TOKEN_LIFE_MS = 50;

/**
 * The bucket's tokens now ($5 the rate, $6 what it holds at most): what it held, refilled since
 * by the database's clock (instances' clocks may differ).
 */
const REFILLED = "LEAST($6::float8, tokens + EXTRACT(EPOCH FROM (now() - refilled_at))::float8 * $5::float8)";

/**
 * One statement takes what waiting calls lack: up to $2 free slot rows (SKIP LOCKED, so instances
 * asking together take different ones) under this instance's lease, and up to $4 tokens, spent
 * by an UPDATE on the bucket row locked first, so two instances never spend the same token.
 * Unless tokens are taken ahead ($10), no more are taken than there will be free slots to spend
 * them on at once ($3 this instance's, and those just taken).
 */
const TAKE = `
WITH free AS (
  SELECT slot FROM upstream_slots
   WHERE slot <= $7::int AND (holder IS NULL OR lease_until < now())
   ORDER BY slot LIMIT $2::int FOR UPDATE SKIP LOCKED
), taken AS (
  UPDATE upstream_slots s SET holder = $1, lease_until = now() + $8::int * interval '1 millisecond'
    FROM free WHERE s.slot = free.slot
  RETURNING s.slot
), bucket AS (
  SELECT name, ${REFILLED} AS tokens,
         LEAST(floor(${REFILLED}), $4::int, CASE WHEN $10::boolean THEN $4::int ELSE $3::int + (SELECT count(*) FROM taken)::int END) AS granted
    FROM upstream_budget WHERE name = $9 FOR UPDATE
), spent AS (
  UPDATE upstream_budget b SET tokens = bucket.tokens - bucket.granted, refilled_at = now()
    FROM bucket
   WHERE b.name = bucket.name AND bucket.granted >= 1
  RETURNING bucket.granted
)
SELECT ARRAY(SELECT slot FROM taken) AS slots,
       COALESCE((SELECT granted FROM spent), 0)::int AS granted,
       COALESCE((SELECT tokens FROM bucket), 0)::float8 AS tokens`;

interface Waiter {
  grant: (slot: number) => void;
  fail: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface HeldSlot {
  /** When it was taken from the database (this instance's clock). */
  takenAt: number;
  /** Until when its lease surely holds (this instance's clock, from the last take or renewal that answered). */
  until: number;
  /** Since when it has been idle, or null while a call is on it. */
  idleSince: number | null;
}

/** PostgreSQL did not answer: the waiting calls go on in this instance's own budget. */
class DatabaseUnavailable extends Error {}

/**
 * The API key's budget shared by every instance on one PostgreSQL, so N instances together stay
 * within the key's rate and calls in flight instead of each taking the whole of it: one token
 * bucket row and `maxConcurrency` slot rows. An instance takes slots and tokens in one statement
 * for every call waiting at once, and reuses a slot for its next call for a short while (idle
 * IDLE_MS at most, HOLD_MS in all) under a lease it renews: a busy instance asks the database
 * a few times a second, not for every call. While PostgreSQL does not answer, each instance
 * keeps its own budget in memory (as the per-person limits do), so calls go on.
 */
export function createSharedBudget(pool: Pool, options: BudgetOptions): Budget & { ready(): Promise<void>; close(): Promise<void> } {
  const local = createBudget(options);
  const holder = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const ahead = options.maxRps >= AHEAD_FROM_RPS;
  const block = ahead ? Math.floor(options.maxRps / 20) : 1;
  const capacity = ahead ? options.maxRps * (1 - TOKEN_LIFE_MS / 1000) : options.maxRps;

  const held = new Map<number, HeldSlot>();
  const idle: number[] = [];
  let tokens = 0;
  let tokensUntil = Infinity;
  const queue: Waiter[] = [];
  let taking = false;
  /** No asking before then: a pause to poll, or to let other instances contest a slot given back. */
  let askAfter = 0;
  /** How long a take's statement has lately taken (the longest, decaying), for waiting a poll out. */
  let takeMs = 0;
  /** Whether the last take got fewer slots than it asked for: others may be waiting for one too. */
  let slotsShort = false;
  let askTimer: NodeJS.Timeout | undefined;
  let releaseTimer: NodeJS.Timeout | undefined;
  let renewTimer: NodeJS.Timeout | undefined;
  let prepared: Promise<void> | undefined;

  /** The bucket row and the slot rows exist (another instance may have made them already). */
  const ready = () =>
    (prepared ??= (async () => {
      await pool.query("INSERT INTO upstream_budget (name, tokens, refilled_at) VALUES ($1, $2, now()) ON CONFLICT (name) DO NOTHING", [BUCKET, capacity]);
      await pool.query("INSERT INTO upstream_slots (slot) SELECT generate_series(1, $1::int) ON CONFLICT (slot) DO NOTHING", [options.maxConcurrency]);
    })().catch((error: unknown) => {
      prepared = undefined;
      throw error;
    }));

  const usableTokens = () => (Date.now() < tokensUntil ? Math.floor(tokens) : 0);

  function forget(slot: number): void {
    held.delete(slot);
    const at = idle.indexOf(slot);
    if (at >= 0) idle.splice(at, 1);
    if (held.size === 0 && renewTimer) {
      clearInterval(renewTimer);
      renewTimer = undefined;
    }
  }

  /** Starts waiting calls, in order, on the slots and tokens at hand. */
  function startWaiting(): void {
    const now = Date.now();
    // A slot whose lease may have run out (renewals unanswered) is not used again.
    for (const slot of idle.filter((s) => (held.get(s) as HeldSlot).until <= now)) forget(slot);
    while (queue.length > 0 && idle.length > 0 && usableTokens() >= 1) {
      const waiter = queue.shift() as Waiter;
      clearTimeout(waiter.timer);
      const slot = idle.pop() as number;
      tokens -= 1;
      (held.get(slot) as HeldSlot).idleSince = null;
      waiter.grant(slot);
    }
  }

  /** Starts what can start, and asks the database for the rest (now, or when a pause ends). */
  function pump(): void {
    startWaiting();
    const now = Date.now();
    if (queue.length === 0 || taking || askTimer) return;
    if (now >= askAfter) void take();
    else {
      askTimer = setTimeout(() => {
        askTimer = undefined;
        pump();
      }, askAfter - now);
    }
  }

  async function take(): Promise<void> {
    taking = true;
    const usable = usableTokens();
    const lacking = Math.max(0, queue.length - usable);
    const slotsWanted = Math.max(0, queue.length - idle.length);
    const tokensWanted = lacking > 0 ? Math.max(lacking, block) : 0;
    let waitMs = 0;
    // A token's life is counted from before it was taken, so it is spent within TOKEN_LIFE_MS of the database's take.
    const asked = Date.now();
    try {
      await ready();
      const { rows } = await pool.query<{ slots: number[]; granted: number; tokens: number }>(TAKE, [
        holder,
        slotsWanted,
        idle.length,
        tokensWanted,
        options.maxRps,
        capacity,
        options.maxConcurrency,
        LEASE_MS,
        BUCKET,
        ahead,
      ]);
      const got = rows[0] as { slots: number[]; granted: number; tokens: number };
      const at = Date.now();
      takeMs = Math.max(at - asked, takeMs * 0.9);
      slotsShort = got.slots.length < slotsWanted;
      for (const slot of got.slots) {
        held.set(slot, { takenAt: at, until: at + LEASE_MS - RENEW_MS, idleSince: at });
        idle.push(slot);
      }
      if (got.granted > 0) {
        const left = usableTokens();
        tokens = left + got.granted;
        // Tokens left from an earlier take keep their own (shorter) life, and so do the new ones with them.
        tokensUntil = !ahead ? Infinity : left > 0 ? Math.min(tokensUntil, asked + TOKEN_LIFE_MS) : asked + TOKEN_LIFE_MS;
      }
      if (held.size > 0 && !renewTimer) {
        renewTimer = setInterval(() => void renew(), RENEW_MS);
        renewTimer.unref();
      }
      if (idle.length < queue.length) waitMs = POLL_MS + Math.random() * POLL_JITTER_MS;
      else if (queue.length > 0 && usableTokens() < 1) waitMs = Math.max(1, Math.ceil(((1 - got.tokens) / options.maxRps) * 1000));
    } catch {
      // Every call waiting now goes on in memory; the next one asks the database again.
      for (const waiter of queue.splice(0)) {
        clearTimeout(waiter.timer);
        waiter.fail(new DatabaseUnavailable());
      }
    } finally {
      taking = false;
    }
    startWaiting();
    // Taken for calls that start at once, a token left over (a call gave up meanwhile) is dropped, not kept for later.
    if (!ahead) tokens = 0;
    if (waitMs > 0) askAfter = Math.max(askAfter, Date.now() + waitMs);
    pump();
    scheduleRelease();
  }

  /** Gives slots idle for IDLE_MS back, in one statement. */
  function scheduleRelease(): void {
    if (releaseTimer || idle.length === 0) return;
    releaseTimer = setTimeout(() => {
      releaseTimer = undefined;
      const cutoff = Date.now() - IDLE_MS;
      if (queue.length === 0) {
        const going = idle.filter((slot) => ((held.get(slot) as HeldSlot).idleSince ?? Infinity) <= cutoff);
        if (going.length > 0) void release(going);
      }
      scheduleRelease();
    }, IDLE_MS);
    releaseTimer.unref();
  }

  async function release(slots: number[]): Promise<void> {
    for (const slot of slots) forget(slot);
    // If it is lost, the lease ends it.
    await pool.query("UPDATE upstream_slots SET holder = NULL, lease_until = NULL WHERE holder = $1 AND slot = ANY($2::int[])", [holder, slots]).catch(() => undefined);
  }

  /** Extends the lease of every slot held; one no longer ours (its lease ran out) is forgotten. */
  async function renew(): Promise<void> {
    const slots = [...held.keys()];
    if (slots.length === 0) return;
    try {
      const { rows } = await pool.query<{ slot: number }>(
        "UPDATE upstream_slots SET lease_until = now() + $3::int * interval '1 millisecond' WHERE holder = $1 AND slot = ANY($2::int[]) RETURNING slot",
        [holder, slots, LEASE_MS],
      );
      const until = Date.now() + LEASE_MS - RENEW_MS;
      const kept = new Set(rows.map((r) => r.slot));
      for (const slot of slots) {
        const entry = held.get(slot);
        if (!entry) continue;
        if (kept.has(slot)) entry.until = until;
        else forget(slot);
      }
    } catch {
      // PostgreSQL is not answering: the next renewal tries again, within the lease.
    }
  }

  function done(slot: number): void {
    const entry = held.get(slot);
    // A slot forgotten meanwhile (its lease lost) is not ours to use again.
    if (entry) {
      const now = Date.now();
      if (now - entry.takenAt >= HOLD_MS) {
        const released = release([slot]);
        // When slots are short (this instance's last take got fewer than it wanted), the others
        // get their chance at it: this instance asks again only once a whole poll of theirs has
        // passed since the slot was free, so one that waits has asked by then: its pause
        // (POLL_MS and the jitter), the statement it may have begun just before (which did not
        // see the slot free) and the one after. The statements' time is this instance's own,
        // which a loaded database makes longer for all. Asking again after a random part of a
        // poll, the holder won every draw of a busy second on a loaded CI machine. When slots
        // are plenty, nobody waits for this one, and neither does this instance.
        if (slotsShort) {
          const theirPoll = POLL_MS + POLL_JITTER_MS + 2 * takeMs;
          askAfter = Math.max(askAfter, now + theirPoll);
          void released.then(() => {
            askAfter = Math.max(askAfter, Date.now() + theirPoll);
          });
        }
      } else {
        entry.idleSince = now;
        idle.push(slot);
      }
    }
    pump();
    scheduleRelease();
  }

  async function run<T>(call: () => Promise<T>): Promise<{ waitedMs: number; result: T }> {
    const started = Date.now();
    let slot: number;
    try {
      slot = await new Promise<number>((grant, fail) => {
        const waiter: Waiter = {
          grant,
          fail,
          timer: setTimeout(() => {
            queue.splice(queue.indexOf(waiter), 1);
            fail(new BudgetExceeded(Math.max(1000, Math.ceil(queue.length / options.maxRps) * 1000)));
          }, options.queueMs),
        };
        queue.push(waiter);
        pump();
      });
    } catch (error) {
      if (error instanceof BudgetExceeded) throw error;
      // PostgreSQL is not answering: this instance spends from its own budget meanwhile.
      return local.run(call);
    }
    try {
      return { waitedMs: Date.now() - started, result: await call() };
    } finally {
      done(slot);
    }
  }

  /** Gives every slot back (at shutdown), so other instances need not wait for the leases. */
  async function close(): Promise<void> {
    clearTimeout(releaseTimer);
    clearTimeout(askTimer);
    const slots = [...held.keys()];
    if (slots.length > 0) await release(slots);
    clearInterval(renewTimer);
    renewTimer = undefined;
  }

  return {
    run,
    ready,
    close,
    get waiting() {
      return queue.length + local.waiting;
    },
  };
}
