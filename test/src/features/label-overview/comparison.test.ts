import { describe, expect, it } from "vitest";
import { compareWith, describeChange, describeShareChange, previousWindow } from "../../../../src/features/label-overview/comparison";

const count = (n: number) => n.toLocaleString("en-US");

describe("this period against the previous one", () => {
  it("takes the equal window just before, across month ends", () => {
    expect(previousWindow({ from: "2026-10-25", to: "2026-11-23" })).toEqual({ from: "2026-09-25", to: "2026-10-24" });
    expect(previousWindow({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(previousWindow({ from: "2026-11-23", to: "2026-11-23" })).toEqual({ from: "2026-11-22", to: "2026-11-22" });
  });

  it("says what changed, in counts and in share points, never a percentage of zero", () => {
    expect(describeChange(120, 100, count)).toBe("+20 (+20.0%)");
    expect(describeChange(1_000, 1_250, count)).toBe("−250 (−20.0%)");
    expect(describeChange(5, 0, count)).toBe("+5 (from 0)");
    expect(describeChange(7, 7, count)).toBe("no change");
    expect(describeShareChange(0.045, 0.033)).toBe("+1.2 pts");
    expect(describeShareChange(0.03, 0.034)).toBe("−0.4 pts");
    expect(describeShareChange(0.03, undefined)).toBe("–");
  });

  it("knows a label that did not exist then from one that was quiet", () => {
    const comparison = compareWith(
      {
        granularity: "day",
        from: "2026-10-01T00:00:00.000Z",
        to: "2026-10-02T00:00:00.000Z",
        buckets: ["2026-10-01"],
        labels: [{ id: "frustrated", name: "Frustrated", custom: false }, { id: "praise", name: "Praise", custom: false }],
        rows: [{ bucket: "2026-10-01", label: "frustrated", count: 10, uniqueConversations: 9 }],
        activity: [{ bucket: "2026-10-01", count: 200, uniqueConversations: 150 }],
      },
      { from: "2026-10-01", to: "2026-10-01" },
    );
    expect(comparison.activityTotal).toBe(200);
    expect(comparison.byLabel.get("frustrated")).toEqual({ previousCount: 10, previousRate: 0.05 });
    expect(comparison.byLabel.get("praise")).toEqual({ previousCount: 0, previousRate: 0 });
    expect(comparison.byLabel.get("cl_new")).toBeUndefined();
  });
});
