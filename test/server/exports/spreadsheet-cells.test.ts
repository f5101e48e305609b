import { describe, expect, it } from "vitest";
import { exportLayout } from "../../../server/exports/export-columns";
import { birthdayCells, neutralizeCell, spreadsheetInstant, spreadsheetTime } from "../../../server/spreadsheet/spreadsheet-cells";

describe("cells for spreadsheets", () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ["+1 same", "'+1 same"],
    ["-5 gems", "'-5 gems"],
    ["@support", "'@support"],
    ["\tindented", "'\tindented"],
    ["\rcarriage", "'\rcarriage"],
    ["\nline feed", "'\nline feed"],
    ["＝1+1", "'＝1+1"],
    ["plain = text", "plain = text"],
    ["thanks!\n=SUM(1+2)", "thanks!\n=SUM(1+2)"],
    ["", ""],
  ])("%j -> %j (OWASP's rule)", (cell, shown) => expect(neutralizeCell(cell)).toBe(shown));

  it("writes epoch milliseconds as a UTC date-time spreadsheets read as a date, unknown as empty", () => {
    expect(spreadsheetTime("1780000000000")).toBe("2026-05-28 20:26:40");
    expect(spreadsheetTime(1780000000999)).toBe("2026-05-28 20:26:40");
    expect(spreadsheetTime("0")).toBe("");
    expect(spreadsheetTime("")).toBe("");
    expect(spreadsheetTime("null")).toBe("");
    expect(spreadsheetTime(null)).toBe("");
    expect(spreadsheetInstant("2026-11-14T23:55:14.512Z")).toBe("2026-11-14 23:55:14");
  });

  it("writes a birthday as its day and its year, with no apostrophe for an unknown year", () => {
    expect(birthdayCells("1990-06-14")).toEqual(["06-14", "1990"]);
    expect(birthdayCells("--05-11")).toEqual(["05-11", ""]);
    expect(birthdayCells(undefined)).toEqual(["", ""]);
    expect(birthdayCells("=odd")).toEqual(["'=odd", ""]);
  });

  it("keeps a column the upstream adds later, under its own name and neutralized", () => {
    const layout = exportLayout("users", ["conversationId", "vipTier", "birthday"], {});
    expect(layout.headers).toEqual(["Conversation ID", "vipTier", "Birthday (month-day)", "Birth year"]);
    expect(layout.row(["c_1", "=1+1", "--02-29"])).toEqual(["c_1", "'=1+1", "02-29", ""]);
  });

  it("writes built-in and custom labels as one column of names, the id where a name is not known", () => {
    const layout = exportLayout("messages", ["timestamp", "labels", "customLabelIds", "text"], { frustrated: "Frustrated", cl_refund: "Refund request" });
    expect(layout.headers).toEqual(["Sent (UTC)", "AI labels", "Message"]);
    expect(layout.row(["1780000000000", "frustrated|churn_risk", "cl_refund", "hi"])).toEqual(["2026-05-28 20:26:40", "Frustrated, churn_risk, Refund request", "hi"]);
    expect(exportLayout("messages", ["customLabelIds"], { cl_refund: "Refund request" }).row(["cl_refund"])).toEqual(["Refund request"]);
  });
});
