import { describe, expect, it } from "vitest";
import { readDrill } from "../../../../src/features/message-drilldown/url-state";

describe("view state read from the URL", () => {
  it("falls back to defaults for missing or bad values", () => {
    expect(readDrill(new URLSearchParams("drill=cl_refund:2026-06-08"))).toEqual({ label: "cl_refund", bucket: "2026-06-08" });
    expect(readDrill(new URLSearchParams("drill=a:b:2026-06-08"))).toEqual({ label: "a:b", bucket: "2026-06-08" });
    expect(readDrill(new URLSearchParams("drill=nonsense"))).toBeUndefined();
  });
});
