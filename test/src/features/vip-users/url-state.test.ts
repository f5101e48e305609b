import { describe, expect, it } from "vitest";
import { readUsersView } from "../../../../src/features/vip-users/url-state";

describe("view state read from the URL", () => {
  it("falls back to defaults for missing or bad values", () => {
    expect(readUsersView(new URLSearchParams("page=0&size=7&month=13"))).toEqual({ hasBirthday: false, birthdayMonth: undefined, page: 1, size: 50 });
    expect(readUsersView(new URLSearchParams("page=3&size=200&month=6&birthday=known"))).toEqual({
      hasBirthday: true,
      birthdayMonth: 6,
      page: 3,
      size: 200,
    });
  });
});
