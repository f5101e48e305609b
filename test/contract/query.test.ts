import { describe, expect, it } from "vitest";
import { labelOverviewQuerySchema, vipMessagesQuerySchema, vipUsersQuerySchema } from "#contract/query";
import { toValidationErrorBody } from "#contract/validation-errors";
import type { z } from "zod";

const GATE = { workspaceId: "ws_a", mediumId: "ch_b" };
const WINDOW = { ...GATE, from: "2026-06-01", to: "2026-06-30" };

function problems(schema: z.ZodType, query: Record<string, unknown>) {
  const result = schema.safeParse(query);
  return result.success ? [] : toValidationErrorBody(result.error).error.map((e) => ({ path: e.path, type: e.type, message: e.message }));
}

describe("GET /vip-users rules", () => {
  it("accepts the gate alone and the full set", () => {
    expect(problems(vipUsersQuerySchema, GATE)).toEqual([]);
    expect(
      problems(vipUsersQuerySchema, { ...GATE, hasBirthday: "true", birthdayMonth: "12", limit: "500", offset: "0" }),
    ).toEqual([]);
  });

  it("requires workspaceId and mediumId, one entry each", () => {
    expect(problems(vipUsersQuerySchema, {})).toEqual([
      { path: ["workspaceId"], type: "any.required", message: '"workspaceId" is required' },
      { path: ["mediumId"], type: "any.required", message: '"mediumId" is required' },
    ]);
  });

  it.each([
    [{ workspaceId: "" }, "workspaceId", "string.empty"],
    [{ workspaceId: "a/b" }, "workspaceId", "string.pattern.base"],
    [{ workspaceId: "x".repeat(129) }, "workspaceId", "string.max"],
    [{ hasBirthday: "yes" }, "hasBirthday", "any.only"],
    [{ hasBirthday: "false" }, "hasBirthday", "any.only"],
    [{ birthdayMonth: "0" }, "birthdayMonth", "number.min"],
    [{ birthdayMonth: "13" }, "birthdayMonth", "number.max"],
    [{ birthdayMonth: "June" }, "birthdayMonth", "number.base"],
    [{ birthdayMonth: "6.5" }, "birthdayMonth", "number.base"],
    [{ limit: "0" }, "limit", "number.min"],
    [{ limit: "501" }, "limit", "number.max"],
    [{ offset: "-1" }, "offset", "number.min"],
    [{ limit: ["1", "2"] }, "limit", "any.single"],
    [{ sort: "ltv" }, "sort", "object.unknown"],
  ])("refuses %j", (extra, param, type) => {
    const found = problems(vipUsersQuerySchema, { ...GATE, ...extra });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: [param], type });
    expect(found[0]!.message).toContain(param);
  });

  it("reports every problem at once", () => {
    expect(problems(vipUsersQuerySchema, { limit: "x", birthdayMonth: "99", extra: "1" })).toHaveLength(5);
  });
});

describe("GET /vip-messages rules", () => {
  it("accepts a full query", () => {
    expect(
      problems(vipMessagesQuerySchema, { ...WINDOW, label: "cl_refund", contentType: "postback", limit: "200", before: "1780000000000" }),
    ).toEqual([]);
  });

  it.each([
    [{ from: undefined }, "from", "any.required"],
    [{ to: "2026-06-31" }, "to", "date.format"],
    [{ from: "June 1" }, "from", "date.format"],
    [{ from: "2026-07-01", to: "2026-06-01" }, "to", "date.order"],
    [{ from: "2026-06-01", to: "2026-07-02" }, "to", "date.window"],
    [{ contentType: "video" }, "contentType", "any.only"],
    [{ limit: "201" }, "limit", "number.max"],
    [{ before: "soon" }, "before", "number.base"],
    [{ label: "" }, "label", "string.pattern.base"],
  ])("refuses %j", (override, param, type) => {
    const found = problems(vipMessagesQuerySchema, { ...WINDOW, ...override });
    expect(found).toEqual([expect.objectContaining({ path: [param], type })]);
  });

  it("says how long a too-long window is", () => {
    const [entry] = problems(vipMessagesQuerySchema, { ...WINDOW, to: "2026-07-15" });
    expect(entry!.message).toBe('The window from "from" to "to" covers 45 days; it can be at most 31 days');
  });
});

describe("GET /vip-labels/overview rules", () => {
  it("takes day or week granularity and the same window rules", () => {
    expect(problems(labelOverviewQuerySchema, { ...WINDOW, granularity: "week" })).toEqual([]);
    expect(problems(labelOverviewQuerySchema, { ...WINDOW, granularity: "month" })).toEqual([
      expect.objectContaining({ path: ["granularity"], type: "any.only" }),
    ]);
    expect(problems(labelOverviewQuerySchema, { ...WINDOW, to: "2026-07-10" })).toEqual([
      expect.objectContaining({ path: ["to"], type: "date.window" }),
    ]);
  });
});
