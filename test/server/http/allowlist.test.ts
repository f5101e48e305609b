import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { stackForFile } from "../../helpers/for-file";

const stack = stackForFile();

/** Sends the path exactly as written (fetch would normalise dots and some encodings). */
function raw(path: string, method = "GET"): Promise<{ status: number; body: string; type: string }> {
  const url = new URL(stack.dashboard.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, type: res.headers["content-type"] ?? "" }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the /api allowlist", () => {
  it.each([
    "/api/vip-users/",
    "/api/VIP-USERS",
    "/api/vip%2Dusers",
    "/api/vip-users%2Fexport",
    "/api//vip-users",
    "/api/./vip-users",
    "/api/vip-users/../workspaces",
    "/api/%2e%2e/workspaces",
    "/api/vip-users/export/extra",
    "/api/admin",
    "/api/storage/x.csv",
    "/api/downloads/",
    "/api/downloads/../../etc/passwd",
    "/api",
  ])("%s is a JSON 404 and never reaches the upstream", async (path) => {
    const before = stack.simulator.requests.length;
    const res = await raw(`${path}?workspaceId=ws_aurora&mediumId=ch_aurora_messenger`);
    expect(res.status).toBe(404);
    expect(res.type).toMatch(/application\/json/);
    expect(JSON.parse(res.body)).toHaveProperty("message");
    expect(stack.simulator.requests.length).toBe(before);
  });

  it.each(["POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"])("%s on a known route is a 405", async (method) => {
    const before = stack.simulator.requests.length;
    const res = await raw("/api/workspaces", method);
    expect(res.status).toBe(405);
    expect(stack.simulator.requests.length).toBe(before);
  });

  it("takes the upstream host from configuration only: an absolute-form target naming another host is refused", async () => {
    const before = stack.simulator.requests.length;
    const res = await raw("http://evil.test/api/workspaces");
    expect(res.status).toBe(421);
    expect(stack.simulator.requests.length).toBe(before);
  });
});
