import { describe, expect, it } from "vitest";
import { readLabelsView } from "../../../../src/features/label-overview/url-state";

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0); // Monday 23 November 2026, 12:00 UTC

describe("view state read from the URL", () => {
  it("falls back to defaults for missing or bad values", () => {
    expect(readLabelsView(new URLSearchParams("granularity=month&mode=x"), NOW)).toMatchObject({
      from: "2026-10-25",
      to: "2026-11-23",
      granularity: "day",
      mode: "count",
      hidden: [],
    });
  });
});
