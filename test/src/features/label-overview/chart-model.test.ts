import { describe, expect, it } from "vitest";
import { buildChartModel } from "../../../../src/features/label-overview/chart-model";

describe("summaries that must stay honest", () => {
  it("derives chart points, rates and window totals without summing unique conversations", () => {
    const model = buildChartModel({
      granularity: "day",
      from: "2026-06-01T00:00:00.000Z",
      to: "2026-06-03T00:00:00.000Z",
      buckets: ["2026-06-01", "2026-06-02"],
      labels: [
        { id: "frustrated", name: "Frustrated", custom: false },
        { id: "cl_refund", name: "Refund request", custom: true },
      ],
      rows: [
        { bucket: "2026-06-01", label: "frustrated", count: 4, uniqueConversations: 3 },
        { bucket: "2026-06-02", label: "frustrated", count: 6, uniqueConversations: 6 },
      ],
      activity: [
        { bucket: "2026-06-01", count: 100, uniqueConversations: 40 },
        { bucket: "2026-06-02", count: 0, uniqueConversations: 0 },
      ],
    }, Date.UTC(2026, 5, 2, 12)); // noon on the last day: that day is still running
    expect(model.points("count", new Set())).toEqual([
      { bucket: "2026-06-01", activity: 100, activityConversations: 40, frustrated: 4, cl_refund: 0 },
      { bucket: "2026-06-02", activity: 0, activityConversations: 0, frustrated: 6, cl_refund: 0 },
    ]);
    expect(model.points("rate", new Set(["cl_refund"]))[0]).toEqual({
      bucket: "2026-06-01",
      activity: 100,
      activityConversations: 40,
      frustrated: 0.04,
    });
    const [frustrated, refund] = model.totals();
    expect(frustrated).toMatchObject({ count: 10, rate: 0.1, peak: { bucket: "2026-06-02", count: 6 } });
    expect(refund).toMatchObject({ count: 0, peak: undefined });
    expect(model.partial("2026-06-01")).toBeUndefined();
    expect(model.partial("2026-06-02")).toBe("so far");
    expect(model.bar("frustrated", "2026-06-02")?.bucketText).toBe("2026-06-02 (UTC, so far)");
    expect(model.bar("frustrated", "2026-06-01")?.bucketText).toBe("2026-06-01 (UTC)");
    expect(model.cell("cl_refund", "2026-06-01")).toEqual({ count: 0, uniqueConversations: 0 });
  });
});
