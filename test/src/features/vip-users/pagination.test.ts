import { describe, expect, it } from "vitest";
import { pageSummary } from "../../../../src/features/vip-users/pagination";

describe("summaries that must stay honest", () => {
  it("never shows a capped total as exact", () => {
    expect(pageSummary(50, 50, 1234, false)).toBe("Showing 51–100 of 1,234");
    expect(pageSummary(0, 50, 10000, true)).toBe("Showing 1–50 of at least 10,000");
    expect(pageSummary(100, 0, 100, false)).toBe("No rows here; 100 in all");
  });
});
