import { describe, expect, it } from "vitest";
import { MAIN } from "../../helpers/stack";
import { stackForFile } from "../../helpers/for-file";

const stack = stackForFile({ env: { UPSTREAM_DEADLINE_MS: "1500", UPSTREAM_ATTEMPT_TIMEOUT_MS: "400" } });

describe("the API secret", () => {
  it("appears in no response and no log line, across successes, failures and exports", async () => {
    const secret = stack.simulator.apiSecret;
    const bodies: string[] = [];
    const day = new Date().toISOString().slice(0, 10);
    const paths = [
      "/api/workspaces",
      `/api/vip-users?${MAIN}`,
      `/api/vip-users?${MAIN}&limit=nope`,
      `/api/vip-messages?${MAIN}&from=${day}&to=${day}`,
      `/api/vip-labels/overview?${MAIN}&from=${day}&to=${day}`,
      `/api/vip-users/export?${MAIN}&birthdayMonth=1`,
      "/api/nope",
      "/api/health",
    ];
    for (const path of paths) {
      const res = path.includes("/export?") ? await stack.post(path) : await stack.api(path);
      bodies.push(JSON.stringify([...res.headers]), await res.text());
    }
    stack.simulator.faults.add({ status: 503 });
    const failed = await stack.api("/api/workspaces");
    bodies.push(JSON.stringify([...failed.headers]), await failed.text());
    stack.simulator.faults.clear();
    stack.simulator.setClockOffset(90_000);
    bodies.push(await (await stack.api("/api/workspaces")).text());

    const everything = [...bodies, ...stack.logs].join("\n");
    expect(stack.logs.length).toBeGreaterThan(paths.length);
    expect(everything).not.toContain(secret);
    // Nor any signature derived from it, nor message texts or names from the data.
    for (const request of stack.simulator.requests) expect(everything).not.toContain(request.xDate ?? "never-signed");
    expect(stack.logs.join("\n")).not.toMatch(/firstName|"text"|birthday/);
  });
});
