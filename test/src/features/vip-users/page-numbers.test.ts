import { describe, expect, it } from "vitest";
import { lastPage, pageItems } from "../../../../src/features/vip-users/page-numbers";

describe("page numbers", () => {
  it("offers the first, the last and the current page's neighbours, with gaps", () => {
    expect(pageItems(1, 1)).toEqual([1]);
    expect(pageItems(1, 104)).toEqual([1, 2, "gap", 104]);
    expect(pageItems(5, 104)).toEqual([1, "gap", 4, 5, 6, "gap", 104]);
    expect(pageItems(3, 104)).toEqual([1, 2, 3, 4, "gap", 104]);
    expect(pageItems(104, 104)).toEqual([1, "gap", 103, 104]);
    // A gap of one page is shown as that page: a "…" would hide nothing.
    expect(pageItems(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("counts pages from the total", () => {
    expect(lastPage(5_178, 50)).toBe(104);
    expect(lastPage(5_200, 50)).toBe(104);
    expect(lastPage(0, 50)).toBe(1);
  });
});
