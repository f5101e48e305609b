import * as fc from "fast-check";
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { stackForFile } from "../../helpers/for-file";

/**
 * Generated hostile input: control characters, DEL, malformed UTF-8 and unpaired surrogates in
 * every string parameter of every list route. Each must be a 400 in the upstream's error shape,
 * and none may reach the upstream.
 */
const stack = stackForFile();

function get(path: string): Promise<{ status: number; body: string }> {
  const url = new URL(stack.dashboard.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const hex = (n: number) => `%${n.toString(16).toUpperCase().padStart(2, "0")}`;
/** One bad fragment, already percent-encoded as it would travel in a URL. */
const badFragment = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map(hex), // C0 controls
  fc.constant("%7F"), // DEL
  fc.integer({ min: 0x80, max: 0xbf }).map(hex), // a continuation byte alone
  fc.integer({ min: 0xc2, max: 0xf4 }).map((lead) => `${hex(lead)}%28`), // a lead byte without its continuation
  fc.constantFrom("%C0%80", "%ED%A0%80", "%F8%88%80%80%80", "%FF", "%FE"), // overlong, surrogate, out of range
);
const safe = fc.stringMatching(/^[A-Za-z0-9_-]{0,12}$/);
const hostile = fc.tuple(safe, badFragment, safe).map(([a, bad, b]) => `${a}${bad}${b}`);

const DAY = new Date().toISOString().slice(0, 10);
const ROUTES: { path: string; params: Record<string, string> }[] = [
  { path: "/api/vip-users", params: { workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger" } },
  { path: "/api/vip-messages", params: { workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger", from: DAY, to: DAY, label: "frustrated" } },
  { path: "/api/vip-labels/overview", params: { workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger", from: DAY, to: DAY } },
];

describe("hostile characters in parameters", () => {
  it("are refused with a 400 before any upstream call (thousands of generated cases)", async () => {
    const before = stack.simulator.requests.length;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), fc.nat(), hostile, async (route, which, value) => {
        const names = Object.keys(route.params);
        const name = names[which % names.length]!;
        const query = Object.entries({ ...route.params, [name]: "" })
          .map(([k, v]) => `${k}=${k === name ? value : encodeURIComponent(v)}`)
          .join("&");
        const res = await get(`${route.path}?${query}`);
        expect(res.status).toBe(400);
        const body = JSON.parse(res.body) as { error: { path: string[]; type: string }[] };
        expect(body.error.some((e) => e.path[0] === name)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(stack.simulator.requests.length).toBe(before);
  });

  it("names the problem in the upstream's error shape", async () => {
    const res = await get("/api/vip-users?workspaceId=ws%00aurora&mediumId=ch_aurora_messenger");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({
      error: [
        { message: '"workspaceId" contains control characters or malformed UTF-8', path: ["workspaceId"], type: "string.invalidCharacters", context: { key: "workspaceId" } },
      ],
    });
  });
});
