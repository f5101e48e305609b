import { describe, expect, it } from "vitest";
import { loadedSummary } from "../../../../src/features/message-drilldown/drilldown-summary";

describe("summaries that must stay honest", () => {
  it("compares loaded messages with the bar's count", () => {
    expect(loadedSummary(100, 412, undefined, false)).toBe("Showing 100 of 412 messages");
    expect(loadedSummary(412, 412, undefined, true)).toBe("All 412 messages shown");
    expect(loadedSummary(37, 412, "text", true)).toBe("All 37 text messages (the bar counts 412 messages of all kinds)");
  });
});
