import { describe, expect, it } from "vitest";
import { BIRTHDAY_PATTERN, vipUserSchema, vipUsersPageSchema } from "#contract/responses";

describe("response schemas", () => {
  it.each([
    ["1990-06-14", true],
    ["--06-14", true],
    ["--02-29", true],
    ["1990-13-01", false],
    ["---06-14", false],
    ["06-14", false],
  ])("birthday %j valid: %s", (value, ok) => expect(BIRTHDAY_PATTERN.test(value)).toBe(ok));

  it("accepts unknown timestamps as missing, null or 0, and keeps fields the vendor adds", () => {
    const user = vipUserSchema.parse({
      conversationId: "c_1",
      lastPurchaseTimestamp: null,
      lastAppOpenTimestamp: 0,
      loyaltyTier: "gold",
    });
    expect(user).toMatchObject({ lastPurchaseTimestamp: null, lastAppOpenTimestamp: 0, loyaltyTier: "gold" });
  });

  it("refuses a page that breaks the contract", () => {
    const page = { items: [], returned: 0, total: 0, mayHaveMore: false, nextOffset: null, scanCapped: false };
    expect(vipUsersPageSchema.safeParse(page).success).toBe(true);
    expect(vipUsersPageSchema.safeParse({ ...page, total: "12" }).success).toBe(false);
    expect(vipUsersPageSchema.safeParse({ ...page, items: [{ userName: "no id" }] }).success).toBe(false);
  });
});
