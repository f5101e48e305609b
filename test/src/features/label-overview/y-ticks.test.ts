import { describe, expect, it } from "vitest";
import { yTicks } from "../../../../src/features/label-overview/y-ticks";

describe("light y ticks", () => {
  it.each([
    [0.198, [0.05, 0.1, 0.15]],
    [0.009, [0.005]],
    [1944, [500, 1000, 1500]],
    [7, [2, 4, 6]],
    [1, [0.5, 1]],
  ])("a scale to %d gets round ticks %j", (max, ticks) => expect(yTicks(max)).toEqual(ticks));

  it("no scale, no ticks", () => {
    expect(yTicks(0)).toEqual([]);
    expect(yTicks(Number.NaN)).toEqual([]);
  });
});
