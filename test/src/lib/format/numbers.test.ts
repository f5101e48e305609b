import { describe, expect, it } from "vitest";
import { formatCount, formatRate, rate } from "../../../../src/lib/format/numbers";

describe("numbers and rates", () => {
  it("formats counts and rates, and has no rate without a baseline", () => {
    expect(formatCount(1234567, "en-US")).toBe("1,234,567");
    expect(formatCount(1234567, "de-DE")).toBe("1.234.567");
    expect(formatRate(0.0345, "de-DE")).toBe("3,5\u00a0%");
    expect(rate(42, 1200)).toBeCloseTo(0.035);
    expect(formatRate(rate(42, 1200), "en-US")).toBe("3.5%");
    expect(rate(0, 0)).toBeUndefined();
    expect(formatRate(rate(3, 0))).toBe("–");
    expect(formatRate(rate(0, 10), "en-US")).toBe("0.0%");
  });
});
