import { describe, expect, it } from "vitest";
import type { AuditPage, SessionAnswer } from "#contract/dashboard-api";
import type { AccessRequest, Grant, GrantsAnswer } from "#contract/grants";
import { openDatabase, type AppDatabase } from "../../../server/db/open-database";
import { startSimulator, type Simulator } from "../../../server/simulator/index";
import { freshPglite, freshPostgresUrl, postgresUrl } from "../../helpers/databases";
import { forFile } from "../../helpers/for-file";
import { startProxyStack, type ProxyStack } from "../../helpers/proxy-stack";

/** The policy file of these tests: one admin of every workspace, a viewer and an analyst of Aurora. */
const POLICY = [
  { email: "root@studio.test", workspace: "*", role: "admin" },
  { email: "viewer@studio.test", workspace: "ws_aurora", role: "viewer" },
  { email: "analyst@studio.test", workspace: "ws_aurora", role: "analyst" },
];
/** Another instance's file, after the team moved its admins from the file to the page. */
const POLICY_WITHOUT_ROOT = POLICY.slice(1);

type Answer<T> = { status: number; body: T };

function client(env: ProxyStack) {
  const url = env.stack.dashboard.url;
  async function call<T = Record<string, unknown>>(email: string, method: string, path: string, body?: unknown, groups?: string[]): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...(await env.as(email, groups)) };
    if (method !== "GET") Object.assign(headers, { origin: url, "sec-fetch-site": "same-origin" });
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(url + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
  return {
    call,
    session: async (email: string) => (await call<SessionAnswer>(email, "GET", "/api/session")).body,
    /** A route a viewer may use and a stranger may not: the team's events of Aurora. */
    events: async (email: string) => (await call(email, "GET", "/api/events?workspaceId=ws_aurora&from=2026-01-01&to=2026-01-31")).status,
    grants: async (email: string) => (await call<GrantsAnswer>(email, "GET", "/api/grants")).body,
  };
}

interface Instances {
  a: ProxyStack;
  b: ProxyStack;
  close(): Promise<void>;
}

/** Two instances on one database and one upstream, as behind a load balancer. */
async function startInstances(open: () => Promise<{ databases: [AppDatabase, AppDatabase]; drop(): Promise<void> }>, policyB: unknown[]): Promise<Instances> {
  const simulator: Simulator = await startSimulator({ warm: false });
  const { databases, drop } = await open();
  const a = await startProxyStack({ database: databases[0], sharedSimulator: simulator }, POLICY);
  const b = await startProxyStack({ database: databases[1], sharedSimulator: simulator }, policyB);
  return {
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      await Promise.all(databases.map((d) => d.close()));
      await simulator.close();
      await drop();
    },
  };
}

const onPostgres = async () => {
  const target = await freshPostgresUrl();
  const databases = [await openDatabase({ kind: "postgres", url: target.url }), await openDatabase({ kind: "postgres", url: target.url })] as [AppDatabase, AppDatabase];
  return { databases, drop: target.drop };
};

describe.skipIf(!postgresUrl)("grants made in the page, on two instances and one PostgreSQL", () => {
  const env = forFile(() => startInstances(onPostgres, POLICY), (e) => e.close());

  it("a grant made on instance A gives access on instance B at the next request, and a revocation removes it there", async () => {
    const [a, b] = [client(env.a), client(env.b)];
    expect(await b.events("newcomer@studio.test")).toBe(403);
    const made = await a.call<{ grant: Grant }>("root@studio.test", "POST", "/api/grants", { email: "Newcomer@Studio.test", workspaceId: "ws_aurora" });
    expect(made.status).toBe(201);
    // Least privilege by default; the address as people sign in with it, whatever its case.
    expect(made.body.grant).toMatchObject({ email: "newcomer@studio.test", group: null, workspaceId: "ws_aurora", role: "viewer", source: "database", changedBy: "root@studio.test" });
    expect(await b.events("newcomer@studio.test")).toBe(200);
    expect((await b.session("newcomer@studio.test")).access).toEqual({ everywhere: null, workspaces: { ws_aurora: "viewer" } });

    const raised = await b.call<{ grant: Grant }>("root@studio.test", "PATCH", `/api/grants/${made.body.grant.id}`, { role: "analyst" });
    expect(raised.status).toBe(200);
    expect((await a.session("newcomer@studio.test")).access.workspaces).toEqual({ ws_aurora: "analyst" });

    expect((await a.call("root@studio.test", "DELETE", `/api/grants/${made.body.grant.id}`)).status).toBe(204);
    expect(await b.events("newcomer@studio.test")).toBe(403);
    expect((await b.session("newcomer@studio.test")).access).toEqual({ everywhere: null, workspaces: {} });

    // A group's grant reaches everyone in it, before any of them has signed in.
    const group = await b.call<{ grant: Grant }>("root@studio.test", "POST", "/api/grants", { group: "community-team", workspaceId: "ws_aurora" });
    expect(group.status).toBe(201);
    expect((await a.call("first.time@studio.test", "GET", "/api/events?workspaceId=ws_aurora&from=2026-01-01&to=2026-01-31", undefined, ["community-team"])).status).toBe(200);
  });
});

describe("the Access API's rules", () => {
  const env = forFile(() => startInstances(async () => {
    const database = await freshPglite();
    // PGlite serves one process: both "instances" share one handle, as they would share one server.
    return { databases: [database, { ...database, close: async () => undefined }], drop: async () => undefined };
  }, POLICY_WITHOUT_ROOT), (e) => e.close());

  it("the policy file's grants are listed read-only and still apply", async () => {
    const a = client(env.a);
    const listed = await a.grants("root@studio.test");
    expect(listed.manageable).toEqual(["*"]);
    const fromFile = listed.items.filter((g) => g.source === "policy");
    expect(fromFile.map((g) => `${g.email} ${g.workspaceId} ${g.role}`)).toEqual(["root@studio.test * admin", "viewer@studio.test ws_aurora viewer", "analyst@studio.test ws_aurora analyst"]);
    const viewer = fromFile.find((g) => g.email === "viewer@studio.test")!;
    const changed = await a.call("root@studio.test", "PATCH", `/api/grants/${viewer.id}`, { role: "analyst" });
    expect(changed.status).toBe(409);
    expect(changed.body.message).toMatch(/policy file/);
    expect((await a.call("root@studio.test", "DELETE", `/api/grants/${viewer.id}`)).status).toBe(409);
    expect(await a.events("viewer@studio.test")).toBe(200);
    // A grant the file already gives is not made again.
    const again = await a.call("root@studio.test", "POST", "/api/grants", { email: "viewer@studio.test", workspaceId: "ws_aurora", role: "viewer" });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already has viewer/);
  });

  it("a viewer or an analyst reaches none of the Access routes (403 naming the role)", async () => {
    const a = client(env.a);
    for (const email of ["viewer@studio.test", "analyst@studio.test"]) {
      const answers = [
        await a.call(email, "GET", "/api/grants"),
        await a.call(email, "POST", "/api/grants", { email: "x@studio.test", workspaceId: "ws_aurora" }),
        await a.call(email, "PATCH", "/api/grants/policy-1", { role: "viewer" }),
        await a.call(email, "DELETE", "/api/grants/policy-1"),
        await a.call(email, "GET", "/api/access-requests"),
        await a.call(email, "POST", "/api/access-requests/00000000-0000-4000-8000-000000000000/decision", { decision: "decline" }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(403);
        expect(answer.body.message).toMatch(/You need the admin role/);
        expect(answer.body.requiredRole).toBe("admin");
      }
    }
    // And a stranger neither.
    expect((await a.call("stranger@studio.test", "GET", "/api/grants")).status).toBe(403);
  });

  it("bad input is refused with the field named, before anything is stored", async () => {
    const a = client(env.a);
    const cases: unknown[] = [
      { email: "x@studio.test", group: "g", workspaceId: "ws_aurora" },
      { workspaceId: "ws_aurora" },
      { email: "not-an-address", workspaceId: "ws_aurora" },
      { email: "x@studio.test", workspaceId: "ws aurora" },
      { email: "x@studio.test", workspaceId: "ws_aurora", role: "owner" },
      { email: "x@studio.test", workspaceId: "ws_aurora", extra: "1" },
    ];
    for (const body of cases) expect((await a.call("root@studio.test", "POST", "/api/grants", body)).status).toBe(400);
    expect((await a.call("root@studio.test", "PATCH", "/api/grants/policy-1", { role: "boss" })).status).toBe(400);
    expect((await a.call("root@studio.test", "POST", "/api/access-requests", { note: "x".repeat(501) })).status).toBe(400);
    expect((await a.grants("root@studio.test")).items.filter((g) => g.source === "database")).toEqual([]);
  });

  it("the last admin of every workspace and of a workspace stays, and nobody raises their own role", async () => {
    const [a, b] = [client(env.a), client(env.b)];
    // On A the file makes root an admin of every workspace; on B (its file moved to the page) only the database does.
    const chief = await a.call<{ grant: Grant }>("root@studio.test", "POST", "/api/grants", { email: "chief@studio.test", workspaceId: "*", role: "admin" });
    expect(chief.status).toBe(201);
    const demoted = await b.call("chief@studio.test", "PATCH", `/api/grants/${chief.body.grant.id}`, { role: "viewer" });
    expect(demoted.status).toBe(409);
    expect(demoted.body.message).toMatch(/last admin of every workspace/);
    expect((await b.call("chief@studio.test", "DELETE", `/api/grants/${chief.body.grant.id}`)).status).toBe(409);

    // An admin of one workspace only: the last one there, once every-workspace admins are in place it may go.
    const lead = await b.call<{ grant: Grant }>("chief@studio.test", "POST", "/api/grants", { email: "lead@studio.test", workspaceId: "ws_aurora", role: "admin" });
    expect(lead.status).toBe(201);
    // Raising oneself: outside one's workspaces it is an admin-of-every-workspace route, inside it a grant one has.
    const selfEverywhere = await b.call("lead@studio.test", "POST", "/api/grants", { email: "lead@studio.test", workspaceId: "*", role: "viewer" });
    expect(selfEverywhere.status).toBe(403);
    expect(selfEverywhere.body.message).toMatch(/admin role in workspace \*/);
    const selfAgain = await b.call("lead@studio.test", "POST", "/api/grants", { email: "lead@studio.test", workspaceId: "ws_aurora", role: "admin" });
    expect(selfAgain.status).toBe(409);
    // The lead sees Aurora's grants and the every-workspace ones, and manages Aurora only.
    const leadView = await b.grants("lead@studio.test");
    expect(leadView.manageable).toEqual(["ws_aurora"]);
    expect((await b.call("lead@studio.test", "PATCH", `/api/grants/${chief.body.grant.id}`, { role: "viewer" })).status).toBe(403);

    const deputy = await b.call<{ grant: Grant }>("chief@studio.test", "POST", "/api/grants", { email: "deputy@studio.test", workspaceId: "*", role: "admin" });
    expect(deputy.status).toBe(201);
    // Now the chief may step down (an admin may lower their own role), and the deputy is the last one.
    expect((await b.call("chief@studio.test", "PATCH", `/api/grants/${chief.body.grant.id}`, { role: "analyst" })).status).toBe(200);
    const last = await b.call("deputy@studio.test", "DELETE", `/api/grants/${deputy.body.grant.id}`);
    expect(last.status).toBe(409);
    expect(last.body.message).toMatch(/make someone else an admin of every workspace first/);
    // The chief, an analyst now, cannot raise themselves back: the route is an admin's.
    expect((await b.call("chief@studio.test", "PATCH", `/api/grants/${chief.body.grant.id}`, { role: "admin" })).status).toBe(403);
    // The deputy demotes the lead: Aurora keeps an admin through the every-workspace grant.
    expect((await b.call("deputy@studio.test", "PATCH", `/api/grants/${lead.body.grant.id}`, { role: "exporter" })).status).toBe(200);

    const audit = (await a.call<AuditPage>("root@studio.test", "GET", "/api/audit?limit=100")).body;
    const changes = audit.items.filter((r) => r.action.startsWith("grant_"));
    expect(changes.map((r) => `${r.actor} ${r.action} ${String(r.details.grantee)} ${String(r.details.before ?? "-")}→${String(r.details.role)} ${String(r.details.workspace)}`).reverse()).toEqual([
      "root@studio.test grant_created chief@studio.test -→admin *",
      "chief@studio.test grant_created lead@studio.test -→admin ws_aurora",
      "chief@studio.test grant_created deputy@studio.test -→admin *",
      "chief@studio.test grant_changed chief@studio.test admin→analyst *",
      "deputy@studio.test grant_changed lead@studio.test admin→exporter ws_aurora",
    ]);
  });

  it("a refused person asks; the admin sees it with the note, grants or declines, and the requester's next visit says which", async () => {
    const a = client(env.a);
    const asked = await a.call<{ request: { id: string; status: string } }>("noah@studio.test", "POST", "/api/access-requests", { note: "New community manager for Aurora" });
    expect(asked.status).toBe(201);
    // Asking again updates the one pending request.
    const again = await a.call<{ request: { id: string } }>("noah@studio.test", "POST", "/api/access-requests", { note: "New community manager for Aurora (EU)" });
    expect(again.status).toBe(200);
    expect(again.body.request.id).toBe(asked.body.request.id);
    expect((await a.session("noah@studio.test")).accessRequests).toMatchObject([{ id: asked.body.request.id, status: "pending", workspaceId: null }]);

    const pending = (await a.call<{ items: AccessRequest[] }>("root@studio.test", "GET", "/api/access-requests")).body.items;
    expect(pending).toMatchObject([{ id: asked.body.request.id, requester: "noah@studio.test", note: "New community manager for Aurora (EU)", status: "pending", role: "viewer" }]);
    expect(JSON.stringify(pending)).not.toContain("sub-noah");
    // Admins can have the count in their digest (never who asked: that is for the page); others cannot ask for it.
    const digest = { kind: "digest", workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger", schedule: { every: "day", at: "09:00", timeZone: "UTC" }, sections: ["access"], destination: { type: "email", to: "root@studio.test" }, whenEmpty: "send" };
    const preview = await a.call<{ message: { sections: { title: string; lines: string[]; link?: { url: string } }[] } }>("root@studio.test", "POST", "/api/subscriptions/preview", digest);
    expect(preview.status).toBe(200);
    expect(preview.body.message.sections).toMatchObject([{ title: "Requests for access", lines: ["1 person is waiting for an answer to a request for access."] }]);
    expect(preview.body.message.sections[0]!.link!.url).toMatch(/\/access\?ws=ws_aurora/);
    expect(JSON.stringify(preview.body)).not.toMatch(/noah|community manager/i);
    const notAdmin = await a.call("analyst@studio.test", "POST", "/api/subscriptions/preview", { ...digest, destination: { type: "email", to: "analyst@studio.test" } });
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.body.requiredRole).toBe("admin");
    expect((await a.call("analyst@studio.test", "POST", "/api/subscriptions", { ...digest, destination: { type: "email", to: "analyst@studio.test" } })).status).toBe(403);

    // A request naming no workspace needs one to grant.
    expect((await a.call("root@studio.test", "POST", `/api/access-requests/${asked.body.request.id}/decision`, { decision: "grant" })).status).toBe(400);
    const granted = await a.call("root@studio.test", "POST", `/api/access-requests/${asked.body.request.id}/decision`, { decision: "grant", workspaceId: "ws_aurora" });
    expect(granted.status).toBe(200);
    expect(await a.events("noah@studio.test")).toBe(200);
    expect((await a.session("noah@studio.test")).accessRequests).toMatchObject([{ status: "granted", grantedRole: "viewer", grantedWorkspaceId: "ws_aurora" }]);
    expect((await a.call("root@studio.test", "POST", `/api/access-requests/${asked.body.request.id}/decision`, { decision: "decline" })).status).toBe(409);
    expect((await a.call("noah@studio.test", "POST", `/api/access-requests/${asked.body.request.id}/dismiss`)).status).toBe(204);
    expect((await a.session("noah@studio.test")).accessRequests).toEqual([]);

    // A viewer asks for more where a page refused them; declined, their next visit says so.
    const more = await a.call<{ request: { id: string } }>("viewer@studio.test", "POST", "/api/access-requests", { workspaceId: "ws_aurora", role: "analyst" });
    expect(more.status).toBe(201);
    // Asking for what one has already is pointless, and said.
    expect((await a.call("viewer@studio.test", "POST", "/api/access-requests", { workspaceId: "ws_aurora", role: "viewer" })).status).toBe(409);
    expect((await a.call("root@studio.test", "POST", `/api/access-requests/${more.body.request.id}/decision`, { decision: "decline" })).status).toBe(200);
    expect((await a.session("viewer@studio.test")).accessRequests).toMatchObject([{ id: more.body.request.id, status: "declined", workspaceId: "ws_aurora", role: "analyst" }]);
    expect((await a.session("viewer@studio.test")).access.workspaces).toEqual({ ws_aurora: "viewer" });

    // One person's requests waiting are bounded (asking again for the same place updates one).
    for (let i = 1; i <= 9; i++) expect((await a.call("asker@studio.test", "POST", "/api/access-requests", { workspaceId: `ws_${i}` })).status).toBe(201);
    expect((await a.call("asker@studio.test", "POST", "/api/access-requests", {})).status).toBe(201);
    expect((await a.call("asker@studio.test", "POST", "/api/access-requests", { workspaceId: "ws_11" })).status).toBe(409);
    expect((await a.call("asker@studio.test", "POST", "/api/access-requests", { workspaceId: "ws_1", note: "again" })).status).toBe(200);

    const audit = (await a.call<AuditPage>("root@studio.test", "GET", "/api/audit?limit=100")).body.items;
    expect(audit.filter((r) => r.action === "access_requested" && r.actor !== "asker@studio.test").length).toBe(3);
    expect(audit.filter((r) => r.action === "access_request_decided").map((r) => r.details.decision).sort()).toEqual(["declined", "granted"]);
    expect(audit.some((r) => r.action === "grant_created" && r.details.grantee === "noah@studio.test" && r.details.requestId === asked.body.request.id)).toBe(true);
    // The requester's words are for admins, not for the audit log.
    expect(JSON.stringify(audit)).not.toMatch(/community manager/);
  });
});
