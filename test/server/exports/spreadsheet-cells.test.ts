import { describe, expect, it } from "vitest";
import { exportLayout } from "../../../server/exports/export-columns";
import { isoUtc, neutralizeCell } from "../../../server/exports/spreadsheet-cells";

describe("cells for spreadsheets", () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ["+1 same", "'+1 same"],
    ["-5 gems", "'-5 gems"],
    ["@support", "'@support"],
    ["\tindented", "'\tindented"],
    ["\rcarriage", "'\rcarriage"],
    ["plain = text", "plain = text"],
    ["", ""],
  ])("%j -> %j (OWASP's rule)", (cell, shown) => expect(neutralizeCell(cell)).toBe(shown));

  it("turns epoch milliseconds into UTC ISO instants, unknown into empty", () => {
    expect(isoUtc("1780000000000")).toBe("2026-05-28T20:26:40Z");
    expect(isoUtc("0")).toBe("");
    expect(isoUtc("")).toBe("");
    expect(isoUtc("null")).toBe("");
  });

  it("keeps a column the upstream adds later, under its own name and neutralized", () => {
    const layout = exportLayout("users", ["conversationId", "vipTier"], {});
    expect(layout.headers).toEqual(["Conversation ID", "vipTier"]);
    expect(layout.row(["c_1", "=1+1"])).toEqual(["c_1", "'=1+1"]);
  });

  it("writes label names beside ids, and the id where a name is not known", () => {
    const layout = exportLayout("messages", ["labels", "customLabelIds"], { frustrated: "Frustrated", cl_refund: "Refund request" });
    expect(layout.headers).toEqual(["AI labels", "AI labels (ids)", "Custom AI labels", "Custom AI labels (ids)"]);
    expect(layout.row(["frustrated|churn_risk", "cl_refund"])).toEqual(["Frustrated, churn_risk", "frustrated|churn_risk", "Refund request", "cl_refund"]);
  });
});
