import { describe, expect, it } from "vitest";
import { stackForFile } from "../../helpers/for-file";

const stack = stackForFile();

async function workspaces() {
  const before = stack.simulator.requests.length;
  const res = await stack.api("/api/workspaces");
  return { status: res.status, calls: stack.simulator.requests.slice(before).map((r) => r.status) };
}

describe("clock skew", () => {
  it("signs fresh when the clocks agree", async () => {
    expect(await workspaces()).toEqual({ status: 200, calls: [200] });
  });

  it("recovers from an upstream clock 2 minutes ahead with one retry, then signs right first time", async () => {
    stack.simulator.setClockOffset(120_000);
    expect(await workspaces()).toEqual({ status: 200, calls: [401, 200] });
    expect(await workspaces()).toEqual({ status: 200, calls: [200] });
  });

  it("recovers from an upstream clock 30 s behind (our x-date in its future)", async () => {
    stack.simulator.setClockOffset(-30_000);
    expect(await workspaces()).toEqual({ status: 200, calls: [401, 200] });
    expect(await workspaces()).toEqual({ status: 200, calls: [200] });
  });

  it("keeps within the window for a 4 s skew without any 401 once learned", async () => {
    stack.simulator.setClockOffset(-4_000);
    const first = await workspaces();
    expect(first.status).toBe(200);
    for (let i = 0; i < 3; i++) expect(await workspaces()).toEqual({ status: 200, calls: [200] });
  });
});
