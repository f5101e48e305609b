import { describe, expect, it } from "vitest";
import { constantTimeEquals, hmacSha256Hex, signDate } from "../../server/signing";

describe("request signing", () => {
  it("computes HMAC-SHA256 as RFC 4231 test case 2 says", () => {
    expect(hmacSha256Hex("Jefe", "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("signs the exact x-date string (vector computed independently with Python's hmac)", () => {
    expect(signDate("dyn_test_secret_7f3a", "2026-06-01T12:34:56.789Z")).toBe(
      "9146947ef8298a1220f727a5643b84162a62d14be24fa7c500ce6d7b9760edaf",
    );
    // The signature covers the string, not the instant: another spelling signs differently.
    expect(signDate("dyn_test_secret_7f3a", "2026-06-01T12:34:56.789+00:00")).not.toBe(
      signDate("dyn_test_secret_7f3a", "2026-06-01T12:34:56.789Z"),
    );
  });

  it("compares signatures exactly", () => {
    expect(constantTimeEquals("abc", "abc")).toBe(true);
    expect(constantTimeEquals("abc", "abd")).toBe(false);
    expect(constantTimeEquals("abc", "abcd")).toBe(false);
  });
});
