import { describe, expect, it } from "vitest";
import type { LabelOverview, VipUsersPage } from "#contract/responses";
import { MAIN } from "../../helpers/stack";
import { stackForFile } from "../../helpers/for-file";

const stack = stackForFile();

describe("proxy routes against the simulator", () => {
  it("serves each allowlisted route with the upstream's shapes", async () => {
    const workspaces = await stack.api("/api/workspaces");
    expect(workspaces.status).toBe(200);
    expect(((await workspaces.json()) as { items: unknown[] }).items).toHaveLength(3);
    expect((await stack.api("/api/channels")).status).toBe(200);
    const users = (await (await stack.api(`/api/vip-users?${MAIN}&limit=3`)).json()) as VipUsersPage;
    expect(users).toMatchObject({ returned: 3, scanCapped: false, nextOffset: 3 });
    const overview = await stack.api(`/api/vip-labels/overview?${MAIN}&from=2026-01-01&to=2026-01-07`);
    expect(overview.status).toBe(200);
    expect(((await overview.json()) as LabelOverview).buckets).toHaveLength(7);
    const messages = await stack.api(`/api/vip-messages?${MAIN}&from=2026-01-01&to=2026-01-07`);
    expect(messages.status).toBe(200);
  });

  it("answers validation failures with 400 in the upstream's shape, without calling it", async () => {
    const before = stack.simulator.requests.length;
    const res = await stack.api("/api/vip-users?workspaceId=ws_aurora&birthdayMonth=13&limit=9999&colour=red");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { path: string[]; type: string; message: string }[] };
    expect(body.error.map((e) => e.path[0])).toEqual(["mediumId", "birthdayMonth", "limit", "colour"]);
    expect(body.error.every((e) => e.message.length > 10 && e.type)).toBe(true);
    const window = await stack.api(`/api/vip-messages?${MAIN}&from=2026-01-01&to=2026-03-01`);
    expect(window.status).toBe(400);
    expect(((await window.json()) as { error: { message: string }[] }).error[0]!.message).toMatch(/at most 31 days/);
    expect(stack.simulator.requests.length).toBe(before);
  });

  it("forwards only validated parameters, signed", async () => {
    await stack.api(`/api/vip-users?${MAIN}&birthdayMonth=06`);
    const last = stack.simulator.requests.at(-1)!;
    expect(last).toMatchObject({ path: "/vip-users", status: 200 });
    expect(last.xDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("passes the VIP gate's 403 and 404 through with their messages", async () => {
    const notVip = await stack.api("/api/vip-users?workspaceId=ws_pixel&mediumId=ch_pixel_messenger");
    expect(notVip.status).toBe(403);
    expect(await notVip.json()).toEqual({ message: 'Workspace "Pixel Harbor" is not a VIP workspace' });
    const notConnected = await stack.api("/api/vip-users?workspaceId=ws_aurora&mediumId=ch_legacy_line");
    expect(notConnected.status).toBe(403);
    expect(((await notConnected.json()) as { message: string }).message).toMatch(/not connected/);
    expect((await stack.api("/api/vip-users?workspaceId=ws_gone&mediumId=ch_legacy_line")).status).toBe(404);
  });

  it("logs one line per request with route, status, upstream status and latency", async () => {
    const res = await stack.api(`/api/vip-users?${MAIN}&limit=1`, { headers: { "x-request-id": "test-request-0001" } });
    expect(res.headers.get("x-request-id")).toBe("test-request-0001");
    const line = stack.logs.map((l) => JSON.parse(l)).find((l) => l.requestId === "test-request-0001");
    expect(line).toMatchObject({ route: "/api/vip-users", status: 200, upstreamStatus: 200, attempts: 1, method: "GET" });
    expect(typeof line.latencyMs).toBe("number");
  });

  it("answers /api/health without calling the upstream", async () => {
    const before = stack.simulator.requests.length;
    expect(await (await stack.api("/api/health")).json()).toMatchObject({ status: "ok", mode: "live" });
    expect(stack.simulator.requests.length).toBe(before);
  });
});
