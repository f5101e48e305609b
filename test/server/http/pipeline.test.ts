import { describe, expect, it } from "vitest";
import type { ValidationErrorBody } from "#contract/responses";
import { stackForFile } from "../../helpers/for-file";
import { MAIN } from "../../helpers/stack";

const stack = stackForFile();
const DAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/**
 * Every route with parameters, as the pipeline sees it: parsed by its schema (the documented
 * `{ error: [...] }` 400) before anyone is authorized on them, so a repeated workspace never
 * reaches the role check as an array, and a missing one never as "any workspace".
 */
const ROUTES: { method: "GET" | "POST"; path: string; valid: string; required: string[] }[] = [
  { method: "GET", path: "/api/vip-users", valid: MAIN, required: ["workspaceId", "mediumId"] },
  { method: "GET", path: "/api/vip-messages", valid: `${MAIN}&from=${DAY}&to=${DAY}`, required: ["workspaceId", "mediumId", "from", "to"] },
  { method: "GET", path: "/api/vip-labels/overview", valid: `${MAIN}&from=${DAY}&to=${DAY}`, required: ["workspaceId", "mediumId", "from", "to"] },
  { method: "GET", path: "/api/birthdays/upcoming", valid: `${MAIN}&from=${DAY}&days=7`, required: ["workspaceId", "mediumId", "from", "days"] },
  { method: "POST", path: "/api/vip-users/export", valid: MAIN, required: ["workspaceId", "mediumId"] },
  { method: "POST", path: "/api/vip-messages/export", valid: `${MAIN}&from=${DAY}&to=${DAY}`, required: ["workspaceId", "mediumId", "from", "to"] },
  { method: "POST", path: "/api/birthdays/export", valid: `${MAIN}&from=${DAY}&days=7`, required: ["workspaceId", "mediumId", "from", "days"] },
  { method: "GET", path: "/api/audit", valid: "workspaceId=ws_aurora", required: [] },
  { method: "GET", path: "/api/audit/export", valid: "workspaceId=ws_aurora", required: [] },
];

/**
 * GET with the query string; POST with the same parameters as a JSON body, where a repeated key
 * arrives as an array (the body's way of giving a parameter twice).
 */
async function call(method: "GET" | "POST", path: string, query: string) {
  const before = stack.simulator.requests.length;
  let res: Response;
  if (method === "GET") res = await stack.api(`${path}?${query}`);
  else {
    const body: Record<string, string | string[]> = {};
    for (const [key, value] of new URLSearchParams(query)) {
      const had = body[key];
      body[key] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
    }
    res = await stack.api(path, {
      method: "POST",
      headers: { "content-type": "application/json", origin: new URL(stack.dashboard.url).origin, "sec-fetch-site": "same-origin" },
      body: JSON.stringify(body),
    });
  }
  return { res, upstreamCalls: stack.simulator.requests.length - before };
}

describe("the request pipeline: parse, then authorize, then the handler", () => {
  for (const route of ROUTES) {
    it(`${route.method} ${route.path}: a repeated parameter is a 400 naming it, before any upstream call`, async () => {
      const { res, upstreamCalls } = await call(route.method, route.path, `${route.valid}&workspaceId=ws_skyforge`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as ValidationErrorBody;
      expect(body.error.map((e) => e.path[0])).toContain("workspaceId");
      expect(body.error.find((e) => e.path[0] === "workspaceId")?.type).toBe("any.single");
      expect(upstreamCalls).toBe(0);
    });

    it.each(route.required)(`${route.method} ${route.path}: without %s, a 400 naming it`, async (name) => {
      const query = route.valid
        .split("&")
        .filter((pair) => !pair.startsWith(`${name}=`))
        .join("&");
      const { res, upstreamCalls } = await call(route.method, route.path, query);
      expect(res.status).toBe(400);
      const body = (await res.json()) as ValidationErrorBody;
      expect(body.error.some((e) => e.path[0] === name && e.type === "any.required")).toBe(true);
      expect(upstreamCalls).toBe(0);
    });

    it(`${route.method} ${route.path}: an unknown parameter is refused the same way`, async () => {
      const { res } = await call(route.method, route.path, `${route.valid}&sneaky=1`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as ValidationErrorBody).error.length).toBeGreaterThan(0);
    });
  }

  it("a download link's one option is parsed like any parameter", async () => {
    const made = (await (await stack.post(`/api/vip-users/export?${MAIN}&birthdayMonth=2`)).json()) as { downloadUrl: string };
    const twice = await stack.api(`${made.downloadUrl}?bom=0&bom=1`);
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as ValidationErrorBody).error[0]?.path).toEqual(["bom"]);
    expect((await stack.api(`${made.downloadUrl}?bom=0`)).status).toBe(200);
  });

  it("the workspace and channel lists take no parameters", async () => {
    expect((await stack.api("/api/workspaces?x=1")).status).toBe(400);
    expect((await stack.api("/api/channels")).status).toBe(200);
  });
});
