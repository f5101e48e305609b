import { FRESHNESS_FUTURE_MS, FRESHNESS_PAST_MS } from "#contract/assumptions";

/**
 * Tracks the upstream's clock relative to ours, from its `Date` response header, so x-date
 * stays inside the upstream's freshness window even when the clocks disagree.
 */
export class ClockSkew {
  /** upstream clock minus local clock, in ms. */
  private offsetMs = 0;

  /**
   * Signing time: the upstream's estimated "now", biased into the past. The window is 60 s
   * wide behind the upstream's clock but only 5 s ahead of it, and the Date header we learn
   * from has one-second resolution, so erring early is the safe side.
   */
  static readonly SIGNING_BIAS_MS = 2_000;
  /** Only a disagreement larger than the Date header's own uncertainty moves the estimate. */
  static readonly UPDATE_THRESHOLD_MS = 1_500;

  constructor(private readonly localNow: () => number = Date.now) {}

  get offset(): number {
    return this.offsetMs;
  }

  signingTime(): Date {
    return new Date(this.localNow() + this.offsetMs - ClockSkew.SIGNING_BIAS_MS);
  }

  /** Learns from a response's Date header; `sentAt`/`receivedAt` are local times. */
  observe(dateHeader: string | undefined, sentAt: number, receivedAt: number): void {
    const sample = this.sample(dateHeader, sentAt, receivedAt);
    if (sample !== undefined && Math.abs(sample - this.offsetMs) > ClockSkew.UPDATE_THRESHOLD_MS) {
      this.offsetMs = sample;
    }
  }

  /**
   * After a 401: does the Date header show that `signedAt` was outside the freshness window?
   * If so, the estimate is corrected (from this response) and the caller retries once.
   */
  explainsRejection(signedAt: number, dateHeader: string | undefined, sentAt: number, receivedAt: number): boolean {
    const serverSecond = parseHttpDate(dateHeader);
    if (serverSecond === undefined) return false;
    // The upstream's clock at arrival lay within [serverSecond - rtt, serverSecond + 1 s).
    const rtt = receivedAt - sentAt;
    const tooNew = signedAt > serverSecond - rtt + FRESHNESS_FUTURE_MS;
    const tooOld = signedAt < serverSecond + 1_000 - FRESHNESS_PAST_MS;
    if (!tooNew && !tooOld) return false;
    const sample = this.sample(dateHeader, sentAt, receivedAt);
    if (sample !== undefined) this.offsetMs = sample;
    return true;
  }

  private sample(dateHeader: string | undefined, sentAt: number, receivedAt: number): number | undefined {
    const serverSecond = parseHttpDate(dateHeader);
    if (serverSecond === undefined) return undefined;
    // Middle of the header's second against the middle of our round trip.
    return serverSecond + 500 - (sentAt + receivedAt) / 2;
  }
}

function parseHttpDate(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
