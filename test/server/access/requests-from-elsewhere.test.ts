import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { stackForFile } from "../../helpers/for-file";
import { MAIN } from "../../helpers/stack";

/** Local mode (no sign-in, loopback only) is where DNS rebinding would bite: the Host check. */
const stack = stackForFile();

function get(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const url = new URL(stack.dashboard.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the Host check in local mode", () => {
  it("refuses a foreign Host with a JSON 421 and no upstream call", async () => {
    const before = stack.simulator.requests.length;
    for (const host of ["attacker.example", "attacker.example:" + new URL(stack.dashboard.url).port, "127.0.0.1:1", "localhost"]) {
      const res = await get(`/api/vip-messages?${MAIN}&from=2026-11-01&to=2026-11-02`, { host });
      expect(res.status).toBe(421);
      expect(JSON.parse(res.body)).toHaveProperty("message");
    }
    expect(stack.simulator.requests.length).toBe(before);
  });

  it("answers the loopback names with the right port, and health checks from anywhere", async () => {
    const port = new URL(stack.dashboard.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect((await get("/api/workspaces", { host })).status).toBe(200);
    }
    expect((await get("/api/health", { host: "10.0.0.7" })).status).toBe(200);
    expect((await get("/", { host: "attacker.example", accept: "text/html" })).status).toBe(421);
  });
});
