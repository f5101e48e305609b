import { describe, expect, it } from "vitest";
import { ClockSkew } from "../../../server/upstream/clock-skew";

const LOCAL = Date.UTC(2026, 5, 1, 12, 0, 0);
const httpDate = (ms: number) => new Date(ms).toUTCString();

describe("ClockSkew", () => {
  it("signs slightly in the past of our own clock when nothing is known", () => {
    const skew = new ClockSkew(() => LOCAL);
    expect(skew.signingTime().getTime()).toBe(LOCAL - ClockSkew.SIGNING_BIAS_MS);
  });

  it("learns a large offset from the Date header, and ignores sub-second noise", () => {
    const skew = new ClockSkew(() => LOCAL);
    skew.observe(httpDate(LOCAL + 400), LOCAL - 10, LOCAL + 10);
    expect(skew.offset).toBe(0);
    skew.observe(httpDate(LOCAL + 90_000), LOCAL - 10, LOCAL + 10);
    expect(skew.offset).toBeGreaterThan(89_000);
    expect(skew.offset).toBeLessThan(91_000);
  });

  it("explains a 401 when we signed too far ahead of the upstream, and corrects itself", () => {
    const skew = new ClockSkew(() => LOCAL);
    const signedAt = skew.signingTime().getTime();
    // The upstream is 30 s behind us: our x-date is 28 s in its future.
    expect(skew.explainsRejection(signedAt, httpDate(LOCAL - 30_000), LOCAL, LOCAL + 5)).toBe(true);
    const corrected = skew.signingTime().getTime();
    const upstreamNow = LOCAL - 30_000;
    expect(corrected - upstreamNow).toBeLessThanOrEqual(5_000);
    expect(upstreamNow - corrected).toBeLessThanOrEqual(60_000);
  });

  it("explains a 401 when we signed more than 60 s behind the upstream", () => {
    const skew = new ClockSkew(() => LOCAL);
    expect(skew.explainsRejection(LOCAL - 2_000, httpDate(LOCAL + 120_000), LOCAL, LOCAL + 5)).toBe(true);
  });

  it("does not blame the clock when the times agree (bad credentials instead)", () => {
    const skew = new ClockSkew(() => LOCAL);
    expect(skew.explainsRejection(LOCAL - 2_000, httpDate(LOCAL), LOCAL, LOCAL + 5)).toBe(false);
    expect(skew.explainsRejection(LOCAL - 2_000, undefined, LOCAL, LOCAL + 5)).toBe(false);
  });
});
