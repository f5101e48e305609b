/**
 * The studio's one API key is shared by every manager: a token bucket (`maxRps`, bursts of as
 * many) and a cap on calls in flight (`maxConcurrency`). A call beyond either waits in line
 * for at most `queueMs`, then is refused with the time after which to retry.
 */
export interface BudgetOptions {
  maxRps: number;
  maxConcurrency: number;
  queueMs: number;
  now?: () => number;
}

export class BudgetExceeded extends Error {
  constructor(readonly retryAfterMs: number) {
    super("upstream budget exceeded");
  }
}

interface Waiter {
  resolve: () => void;
  timer: NodeJS.Timeout;
}

export function createBudget(options: BudgetOptions): Budget {
  const now = options.now ?? (() => Date.now());
  let tokens = options.maxRps;
  let refilledAt = now();
  let active = 0;
  const queue: Waiter[] = [];
  let wakeTimer: NodeJS.Timeout | undefined;

  const refill = () => {
    const t = now();
    tokens = Math.min(options.maxRps, tokens + ((t - refilledAt) / 1000) * options.maxRps);
    refilledAt = t;
  };
  const canStart = () => {
    refill();
    return active < options.maxConcurrency && tokens >= 1;
  };
  const take = () => {
    tokens -= 1;
    active += 1;
  };
  /** Lets waiting calls start, in order, as tokens and slots allow. */
  const pump = () => {
    while (queue.length > 0 && canStart()) {
      const next = queue.shift() as Waiter;
      clearTimeout(next.timer);
      take();
      next.resolve();
    }
    if (queue.length > 0 && !wakeTimer && active < options.maxConcurrency) {
      const wait = Math.ceil(((1 - tokens) / options.maxRps) * 1000);
      wakeTimer = setTimeout(() => {
        wakeTimer = undefined;
        pump();
      }, Math.max(wait, 1));
    }
  };

  /** Runs `call` within the budget; resolves with the time waited (ms) and its result. */
  async function run<T>(call: () => Promise<T>): Promise<{ waitedMs: number; result: T }> {
    const started = now();
    if (queue.length === 0 && canStart()) {
      take();
    } else {
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          resolve,
          timer: setTimeout(() => {
            queue.splice(queue.indexOf(waiter), 1);
            reject(new BudgetExceeded(Math.max(1000, Math.ceil(queue.length / options.maxRps) * 1000)));
          }, options.queueMs),
        };
        queue.push(waiter);
        pump();
      });
    }
    try {
      return { waitedMs: now() - started, result: await call() };
    } finally {
      active -= 1;
      pump();
    }
  }

  return { run, get waiting() { return queue.length; } };
}

/** The API key's budget as the gateway uses it: in memory (one instance) or shared (shared-budget.ts). */
export interface Budget {
  run<T>(call: () => Promise<T>): Promise<{ waitedMs: number; result: T }>;
  readonly waiting: number;
}
