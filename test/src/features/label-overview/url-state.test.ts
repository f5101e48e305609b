import { describe, expect, it } from "vitest";
import { plottedMode, readLabelsView } from "../../../../src/features/label-overview/url-state";

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0); // Monday 23 November 2026, 12:00 UTC

describe("view state read from the URL", () => {
  it("falls back to defaults for missing or bad values", () => {
    expect(readLabelsView(new URLSearchParams("granularity=year&mode=x"), NOW)).toMatchObject({
      from: "2026-10-25",
      to: "2026-11-23",
      granularity: "day",
      mode: "rate",
      hidden: [],
      presentation: "multiples",
    });
  });

  it("reads a month granularity (a long trend)", () => {
    expect(readLabelsView(new URLSearchParams("granularity=month&from=2025-12-01&to=2026-11-23"), NOW)).toMatchObject({ granularity: "month", from: "2025-12-01" });
  });

  it("plots a stack of overlapping labels as counts only, whatever the link says", () => {
    const stack = readLabelsView(new URLSearchParams("show=stack&mode=rate"), NOW);
    expect(stack.presentation).toBe("stack");
    expect(plottedMode(stack)).toBe("count");
    expect(plottedMode(readLabelsView(new URLSearchParams("mode=count"), NOW))).toBe("count");
    expect(plottedMode(readLabelsView(new URLSearchParams("show=table"), NOW))).toBe("rate");
  });
});
