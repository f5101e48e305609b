import { describe, expect, it } from "vitest";
import type { AuditPage } from "#contract/dashboard-api";
import type { TeamEvent } from "#contract/events";
import { proxyStackForFile } from "../../helpers/proxy-stack";

const env = proxyStackForFile();
const AURORA = "workspaceId=ws_aurora";

async function send(email: string, method: "POST" | "PATCH" | "DELETE", path: string, body?: unknown) {
  const origin = env.stack.dashboard.url;
  const res = await env.stack.api(path, {
    method,
    headers: { ...(await env.as(email)), origin, "sec-fetch-site": "same-origin", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as { event?: TeamEvent; message?: string; error?: { message: string }[] } | undefined };
}
const list = async (email: string, query: string) => {
  const res = await env.stack.api(`/api/events?${query}`, { headers: await env.as(email) });
  return { status: res.status, items: res.status === 200 ? ((await res.json()) as { items: TeamEvent[] }).items : [] };
};

describe("the team's events", () => {
  it("analysts add, change and delete; viewers see them; every change is audited, without its words", async () => {
    const created = await send("analyst@studio.test", "POST", "/api/events", {
      workspaceId: "ws_aurora",
      title: "Season 4 launch",
      start: "2026-09-01",
      end: "2026-09-03",
      link: "https://studio.test/patch-notes/4",
    });
    expect(created.status).toBe(201);
    const event = created.body!.event!;
    expect(event).toMatchObject({ workspaceId: "ws_aurora", mediumId: null, title: "Season 4 launch", start: "2026-09-01", end: "2026-09-03", createdBy: "analyst@studio.test" });
    // An event of one channel is on that workspace's channel, never another workspace's.
    const elsewhere = await send("analyst@studio.test", "POST", "/api/events", { workspaceId: "ws_aurora", mediumId: "ch_skyforge_app", title: "Servers down", start: "2026-09-02" });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body!.error![0]!.message).toBe('"mediumId" ch_skyforge_app is not a channel of workspace ws_aurora');
    const oneChannel = await send("analyst@studio.test", "POST", "/api/events", { workspaceId: "ws_aurora", mediumId: "ch_aurora_webchat", title: "Servers down", start: "2026-09-02" });
    expect(oneChannel.body!.event).toMatchObject({ start: "2026-09-02", end: "2026-09-02", mediumId: "ch_aurora_webchat" });

    // A viewer sees the events a chart of Messenger marks: every channel's, not Web chat's.
    const seen = await list("viewer@studio.test", `${AURORA}&mediumId=ch_aurora_messenger&from=2026-09-03&to=2026-09-30`);
    expect(seen.items.map((e) => e.title)).toEqual(["Season 4 launch"]);
    expect((await list("viewer@studio.test", `${AURORA}&from=2026-08-01&to=2026-08-31`)).items).toEqual([]);
    expect((await list("viewer@studio.test", `${AURORA}&from=2026-09-02&to=2026-09-02`)).items.map((e) => e.title).sort()).toEqual(["Season 4 launch", "Servers down"]);

    expect((await send("analyst@studio.test", "PATCH", `/api/events/${event.id}`, { mediumId: "ch_pixel_messenger" })).status).toBe(400);
    const moved = await send("analyst@studio.test", "PATCH", `/api/events/${event.id}`, { start: "2026-09-05", end: "2026-09-06", title: "Season 4 launch (moved)" });
    expect(moved.status).toBe(200);
    expect(moved.body!.event).toMatchObject({ start: "2026-09-05", end: "2026-09-06", title: "Season 4 launch (moved)" });
    expect((await send("analyst@studio.test", "PATCH", `/api/events/${event.id}`, { end: "2026-09-01" })).status).toBe(400);
    expect((await send("analyst@studio.test", "DELETE", `/api/events/${event.id}`)).status).toBe(204);
    expect((await send("analyst@studio.test", "DELETE", `/api/events/${event.id}`)).status).toBe(404);

    const audit = (await (await env.stack.api("/api/audit?limit=50", { headers: await env.as("admin@studio.test") })).json()) as AuditPage;
    const changes = audit.items.filter((r) => r.action.startsWith("event_"));
    expect(changes.map((r) => r.action).sort()).toEqual(["event_created", "event_created", "event_deleted", "event_updated"]);
    expect(changes.every((r) => r.actor === "analyst@studio.test" && r.workspaceId === "ws_aurora")).toBe(true);
    expect(changes.find((r) => r.action === "event_updated")!.details).toMatchObject({ start: "2026-09-05", end: "2026-09-06", before: { start: "2026-09-01", end: "2026-09-03" } });
    // Titles are free text the team writes: they stay out of the audit log.
    expect(JSON.stringify(changes)).not.toMatch(/Season|Servers/);
  });

  it("a viewer cannot add, change or delete one (403 naming the role); a stranger does not see them", async () => {
    const made = await send("analyst@studio.test", "POST", "/api/events", { workspaceId: "ws_aurora", title: "Double-XP weekend", start: "2026-10-10", end: "2026-10-11" });
    const id = made.body!.event!.id;
    const refused = await send("viewer@studio.test", "POST", "/api/events", { workspaceId: "ws_aurora", title: "Mine", start: "2026-10-01" });
    expect(refused.status).toBe(403);
    expect(refused.body!.message).toMatch(/You need the analyst role \(or higher\) in workspace ws_aurora to add, edit and delete the team's events/);
    expect((await send("viewer@studio.test", "PATCH", `/api/events/${id}`, { title: "Hacked" })).status).toBe(403);
    expect((await send("viewer@studio.test", "DELETE", `/api/events/${id}`)).status).toBe(403);
    // Someone without the workspace learns nothing about its events.
    expect((await send("skyforge@studio.test", "DELETE", `/api/events/${id}`)).status).toBe(404);
    expect((await list("skyforge@studio.test", `${AURORA}&from=2026-10-01&to=2026-10-31`)).status).toBe(403);
    expect((await list("viewer@studio.test", `${AURORA}&from=2026-10-01&to=2026-10-31`)).items.map((e) => e.title)).toEqual(["Double-XP weekend"]);
  });

  it("refuses bad input with the reason", async () => {
    const bad = [
      [{ workspaceId: "ws_aurora", title: "", start: "2026-10-01" }, /title/],
      [{ workspaceId: "ws_aurora", title: "X", start: "2026-13-01" }, /calendar day/],
      [{ workspaceId: "ws_aurora", title: "X", start: "2026-10-05", end: "2026-10-01" }, /on or after/],
      [{ workspaceId: "ws_aurora", title: "X", start: "2026-10-01", link: "javascript:alert(1)" }, /http\(s\) address/],
      [{ workspaceId: "ws_aurora", title: "X", start: "2026-10-01", color: "red" }, /not allowed/],
    ] as const;
    for (const [body, reason] of bad) {
      const res = await send("analyst@studio.test", "POST", "/api/events", body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(JSON.stringify(res.body)).toMatch(reason);
    }
    expect((await list("viewer@studio.test", `${AURORA}&from=2026-10-05&to=2026-10-01`)).status).toBe(400);
  });

  it("imports a pasted CSV list all or nothing, naming the rows to fix", async () => {
    const bad = await send("analyst@studio.test", "POST", "/api/events/import", {
      workspaceId: "ws_aurora",
      csv: "date,end date,title,link\n2026-11-01,,Halloween recap,\n2026-11-31,,Bad day,\n2026-11-05,2026-11-02,Backwards,\n",
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ message: "Nothing was added: 2 rows need a fix." });
    expect((bad.body as unknown as { problems: { row: number }[] }).problems.map((p) => p.row)).toEqual([3, 4]);
    expect((await list("viewer@studio.test", `${AURORA}&from=2026-11-01&to=2026-11-30`)).items).toEqual([]);

    const good = await send("analyst@studio.test", "POST", "/api/events/import", {
      workspaceId: "ws_aurora",
      mediumId: "ch_aurora_messenger",
      csv: '2026-11-01,,Halloween recap,\n2026-11-20,2026-11-22,"Black Friday, early",https://studio.test/bf\n',
    });
    expect(good.status).toBe(201);
    const seen = await list("viewer@studio.test", `${AURORA}&mediumId=ch_aurora_messenger&from=2026-11-01&to=2026-11-30`);
    expect(seen.items.map((e) => [e.start, e.end, e.title, e.link, e.mediumId])).toEqual([
      ["2026-11-01", "2026-11-01", "Halloween recap", null, "ch_aurora_messenger"],
      ["2026-11-20", "2026-11-22", "Black Friday, early", "https://studio.test/bf", "ch_aurora_messenger"],
    ]);
    expect((await send("viewer@studio.test", "POST", "/api/events/import", { workspaceId: "ws_aurora", csv: "2026-11-01,,X," })).status).toBe(403);
  });

  it("says so past 1,000 events in a range rather than cutting silently", async () => {
    const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
    for (let batch = 0; batch < 6; batch++) {
      const csv = Array.from({ length: 200 }, (_, i) => `${day(batch * 200 + i)},,Event ${batch * 200 + i},`).join("\n");
      expect((await send("analyst@studio.test", "POST", "/api/events/import", { workspaceId: "ws_aurora", csv })).status).toBe(201);
    }
    const res = await env.stack.api(`/api/events?${AURORA}&from=2025-01-01&to=2025-12-31`, { headers: await env.as("viewer@studio.test") });
    const body = (await res.json()) as { items: TeamEvent[]; truncated: boolean; message?: string };
    expect(body.items).toHaveLength(1000);
    expect(body.truncated).toBe(true);
    expect(body.message).toMatch(/first 1000 events/);
    const short = (await (await env.stack.api(`/api/events?${AURORA}&from=2025-01-01&to=2025-01-02`, { headers: await env.as("viewer@studio.test") })).json()) as { items: TeamEvent[]; truncated: boolean };
    expect({ n: short.items.length, truncated: short.truncated }).toEqual({ n: 8, truncated: false });
  });
});
