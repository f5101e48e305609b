import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_NAMES } from "#contract/dashboard-api";
import { AUDIT_ACTION_WORDS, describeAuditDetails } from "#contract/audit-words";

describe("the audit log in words", () => {
  it("names every action", () => {
    expect(AUDIT_ACTION_NAMES.filter((a) => !AUDIT_ACTION_WORDS[a])).toEqual([]);
  });

  it("says whose role changed, from what to what, and where", () => {
    expect(describeAuditDetails({ grantId: "g1", grantee: "ana@studio.test", workspace: "ws_aurora", role: "analyst", before: "viewer" })).toBe("ana@studio.test: viewer → analyst in ws_aurora");
    expect(describeAuditDetails({ grantId: "g2", grantee: "group cm-leads", workspace: "*", role: "admin" })).toBe("group cm-leads: admin in every workspace");
    expect(describeAuditDetails({ grantId: "g3", grantee: "eli@studio.test", workspace: "ws_aurora", role: "none", before: "exporter" })).toBe("eli@studio.test: exporter → none in ws_aurora");
  });

  it("says what was asked for, and how it was answered", () => {
    expect(describeAuditDetails({ requestId: "r1", asked: "analyst", workspace: "ws_aurora", again: false })).toBe("asked for analyst in ws_aurora");
    expect(describeAuditDetails({ requestId: "r1", decision: "declined", asked: "analyst", workspace: "ws_aurora" })).toBe("asked for analyst in ws_aurora · declined");
    expect(describeAuditDetails({ requestId: "r2", decision: "granted", grantee: "noah@studio.test", role: "viewer", workspace: "ws_aurora" })).toBe("noah@studio.test: viewer in ws_aurora");
  });
});
