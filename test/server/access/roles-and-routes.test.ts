import { describe, expect, it } from "vitest";
import type { ExportAnswer } from "#contract/dashboard-api";
import { proxyStackForFile } from "../../helpers/proxy-stack";
import { MAIN } from "../../helpers/stack";

const env = proxyStackForFile();
const DAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const SKYFORGE = "workspaceId=ws_skyforge&mediumId=ch_skyforge_app";

type Who = "nobody" | "stranger" | "viewer" | "analyst" | "exporter" | "admin";
const EMAIL: Record<Exclude<Who, "nobody">, string> = {
  stranger: "stranger@studio.test",
  viewer: "viewer@studio.test",
  analyst: "analyst@studio.test",
  exporter: "exporter@studio.test",
  admin: "admin@studio.test",
};

async function call(who: Who, method: "GET" | "POST", path: string) {
  const headers = who === "nobody" ? {} : await env.as(EMAIL[who]);
  const before = env.stack.simulator.requests.length;
  const res = method === "GET" ? await env.stack.api(path, { headers }) : await env.stack.post(path, headers);
  const body = (await res.json().catch(() => undefined)) as { message?: string } | undefined;
  return { status: res.status, body, upstreamCalls: env.stack.simulator.requests.length - before };
}

const ROUTES = [
  ["GET", `/api/vip-labels/overview?${MAIN}&from=${DAY}&to=${DAY}`, "viewer"],
  ["GET", `/api/vip-users?${MAIN}&limit=5`, "analyst"],
  ["GET", `/api/vip-messages?${MAIN}&from=${DAY}&to=${DAY}&limit=5`, "analyst"],
  ["POST", `/api/vip-users/export?${MAIN}&birthdayMonth=2`, "exporter"],
  ["POST", `/api/vip-messages/export?${MAIN}&from=${DAY}&to=${DAY}&label=refund_request`, "exporter"],
  ["GET", `/api/birthdays/upcoming?${MAIN}&from=${DAY}&days=7`, "analyst"],
  ["POST", `/api/birthdays/export?${MAIN}&from=${DAY}&days=7`, "exporter"],
  ["GET", "/api/audit", "admin"],
  ["GET", "/api/audit/export", "admin"],
] as const;
const RANK: Who[] = ["stranger", "viewer", "analyst", "exporter", "admin"];

describe("every role on every route", () => {
  for (const [method, path, needs] of ROUTES) {
    it.each(["nobody", ...RANK] as Who[])(`${method} ${path.split("?")[0]} as %s`, async (who) => {
      const result = await call(who, method, path);
      const expected = who === "nobody" ? 401 : RANK.indexOf(who) >= RANK.indexOf(needs) ? 200 : 403;
      expect(result.status).toBe(expected);
      // A refusal never reaches the upstream.
      expect(expected === 200 ? 0 : result.upstreamCalls).toBe(0);
      // A 403 says which role is needed and whom to ask.
      const message = expected === 403 ? (result.body?.message ?? "") : `You need the ${needs} role. Ask ops@studio.test for access`;
      expect(message).toContain(`You need the ${needs} role`);
      expect(message).toContain("Ask ops@studio.test for access");
    });
  }

  it("lists only granted workspaces, and only their channels", async () => {
    const list = async (who: Who, path: string) =>
      ((await (await env.stack.api(path, { headers: who === "nobody" ? {} : await env.as(EMAIL[who as "admin"]) })).json()) as {
        items: { id: string; workspaceIds?: string[] }[];
      }).items;
    expect((await list("viewer", "/api/workspaces")).map((w) => w.id)).toEqual(["ws_aurora"]);
    expect((await list("stranger", "/api/workspaces")).map((w) => w.id)).toEqual([]);
    expect((await list("admin", "/api/workspaces")).length).toBeGreaterThan(2);
    const channels = await list("viewer", "/api/channels");
    expect(channels.length).toBeGreaterThan(0);
    expect(channels.every((c) => c.workspaceIds?.length === 1 && c.workspaceIds[0] === "ws_aurora")).toBe(true);
    const skyforge = (await (await env.stack.api("/api/workspaces", { headers: await env.as("skyforge@studio.test") })).json()) as {
      items: { id: string }[];
    };
    expect(skyforge.items.map((w) => w.id)).toEqual(["ws_skyforge"]);
  });

  it("refuses a person of workspace A every route of workspace B, before any upstream call", async () => {
    const headers = await env.as("skyforge@studio.test");
    for (const [method, path] of ROUTES.filter(([, route]) => route.includes(MAIN))) {
      const before = env.stack.simulator.requests.length;
      const res = method === "GET" ? await env.stack.api(path, { headers }) : await env.stack.post(path, headers);
      expect(res.status).toBe(403);
      expect(env.stack.simulator.requests.length).toBe(before);
    }
    expect((await env.stack.api(`/api/vip-users?${SKYFORGE}&limit=1`, { headers })).status).toBe(200);
  });

  it("grants by group: the highest of the e-mail's and the groups' roles wins", async () => {
    const lead = await env.as("someone@studio.test", ["cm-leads"]);
    expect((await env.stack.api(`/api/vip-users?${MAIN}&limit=1`, { headers: lead })).status).toBe(200);
    const res = await env.stack.post(`/api/vip-users/export?${MAIN}`, lead);
    expect(res.status).toBe(403);
  });

  it("refuses assertions that are expired, for another audience, or unsigned", async () => {
    const expired = await env.issuer.assertion(EMAIL.admin, { expiresIn: "-2m" });
    const otherAudience = await env.issuer.assertion(EMAIL.admin, { audience: "someone-else" });
    const [header, payload] = (await env.issuer.assertion(EMAIL.admin)).split(".");
    for (const token of [expired, otherAudience, `${header}.${payload}.`, "garbage"]) {
      const res = await env.stack.api("/api/workspaces", { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
    }
  });
});

describe("download links", () => {
  it("serve only the person who made the export, while their role allows it", async () => {
    const exporter = await env.as(EMAIL.exporter);
    const made = (await (await env.stack.post(`/api/vip-users/export?${MAIN}&birthdayMonth=4`, exporter)).json()) as ExportAnswer;
    expect(made.downloadUrl).not.toContain("storage");
    expect((await env.stack.api(made.downloadUrl, { headers: exporter })).status).toBe(200);
    const admin = await env.stack.api(made.downloadUrl, { headers: await env.as(EMAIL.admin) });
    expect(admin.status).toBe(403);
    expect(((await admin.json()) as { message: string }).message).toMatch(/belongs to the person who made the export/);
    expect((await env.stack.api(made.downloadUrl)).status).toBe(401);
    expect((await env.stack.api(made.downloadUrl, { headers: await env.as(EMAIL.analyst) })).status).toBe(403);
    const tampered = made.downloadUrl.slice(0, -2) + (made.downloadUrl.endsWith("AA") ? "BB" : "AA");
    expect((await env.stack.api(tampered, { headers: exporter })).status).toBe(404);
  });
});

describe("requests from elsewhere", () => {
  it("refuses a cross-site export creation and creates nothing", async () => {
    const headers = await env.as(EMAIL.exporter);
    const before = env.stack.simulator.requests.length;
    for (const extra of [
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "https://evil.example", "sec-fetch-site": "" },
      { "sec-fetch-site": "same-site", origin: "http://other.127.0.0.1.nip.io" },
    ]) {
      const res = await env.stack.post(`/api/vip-users/export?${MAIN}`, { ...headers, ...extra });
      expect(res.status).toBe(403);
    }
    const bare = await fetch(`${env.stack.dashboard.url}/api/vip-users/export`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger" }),
    });
    expect(bare.status).toBe(403);
    expect(env.stack.simulator.requests.length).toBe(before);
  });

  it("answers personal data only to requests for its own host (DNS rebinding)", async () => {
    const { request } = await import("node:http");
    const url = new URL(env.stack.dashboard.url);
    const headers = { ...(await env.as(EMAIL.admin)), host: "attacker.example" };
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: `/api/vip-users?${MAIN}`, headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(421);
  });
});

describe("the audit log", () => {
  it("records who exported and viewed what, and refusals, without names or texts", async () => {
    const admin = await env.as(EMAIL.admin);
    const analyst = await env.as(EMAIL.analyst);
    const page = (await (await env.stack.api(`/api/vip-users?${MAIN}&limit=20`, { headers: analyst })).json()) as {
      items: { firstName?: string | null; lastName?: string | null }[];
    };
    const res = await env.stack.api("/api/audit?limit=200", { headers: admin });
    expect(res.status).toBe(200);
    const audit = (await res.json()) as { items: { actor: string; action: string; details: Record<string, unknown> }[]; total: number };
    const actions = new Set(audit.items.map((i) => i.action));
    for (const action of ["personal_data_viewed", "export_created", "download_started", "download_served", "access_denied"]) expect(actions).toContain(action);
    const viewed = audit.items.find((i) => i.action === "personal_data_viewed" && i.actor === EMAIL.analyst);
    expect(viewed?.details).toMatchObject({ route: "/api/vip-users", filters: { limit: "20" } });
    const text = JSON.stringify(audit) + (await (await env.stack.api("/api/audit/export", { headers: admin })).text());
    const names = page.items.flatMap((u) => [u.firstName, u.lastName]).filter((n): n is string => !!n && n.length > 3);
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((name) => text.includes(name))).toEqual([]);
    // Viewing the same list again within a minute (reload, Back, prefetch) is the same view: one row.
    for (let i = 0; i < 3; i++) await env.stack.api(`/api/vip-users?${MAIN}&limit=21`, { headers: analyst });
    await env.stack.api(`/api/vip-users?${MAIN}&limit=22`, { headers: analyst });
    const views = (await (await env.stack.api("/api/audit?action=personal_data_viewed&actor=analyst&limit=200", { headers: admin })).json()) as typeof audit;
    const limits = views.items.map((i) => (i.details.filters as Record<string, string>).limit);
    expect(limits.filter((l) => l === "21")).toHaveLength(1);
    expect(limits.filter((l) => l === "22")).toHaveLength(1);
    // A page warmed ahead (the next page, a bar under the pointer) sends nothing and is not a view.
    const warm = await env.stack.api(`/api/vip-users?${MAIN}&limit=23`, { headers: { ...analyst, "x-prefetch": "warm" } });
    expect(warm.status).toBe(204);
    expect(await warm.text()).toBe("");
    const warmMessages = await env.stack.api(`/api/vip-messages?${MAIN}&from=${DAY}&to=${DAY}&limit=24`, { headers: { ...analyst, "x-prefetch": "warm" } });
    expect(warmMessages.status).toBe(204);
    const after = (await (await env.stack.api("/api/audit?action=personal_data_viewed&actor=analyst&limit=200", { headers: admin })).json()) as typeof audit;
    const afterLimits = after.items.map((i) => (i.details.filters as Record<string, string>).limit);
    expect(afterLimits.filter((l) => l === "23" || l === "24")).toEqual([]);
    // A viewer may not warm what they may not see.
    expect((await env.stack.api(`/api/vip-users?${MAIN}&limit=23`, { headers: { ...(await env.as(EMAIL.viewer)), "x-prefetch": "warm" } })).status).toBe(403);
    const filtered = (await (await env.stack.api(`/api/audit?action=export_created&actor=exporter`, { headers: admin })).json()) as typeof audit;
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.items.every((i) => i.action === "export_created" && i.actor === EMAIL.exporter)).toBe(true);
  });
});
