import { describe, expect, it } from "vitest";
import { signDate } from "../../../server/signing";
import { simulatorForFile } from "../../helpers/for-file";
import { signedGet } from "../../helpers/stack";

const sim = simulatorForFile({ clockOffsetMs: 123_456 });

const status = async (res: Promise<Response>) => {
  const r = await res;
  return [r.status, ((await r.json()) as { message?: string }).message];
};

describe("simulator authentication", () => {
  it("accepts a fresh, correctly signed request", async () => {
    expect((await signedGet(sim, "/workspaces")).status).toBe(200);
  });

  it("gives each failure its own 401 message", async () => {
    const xDate = new Date(sim.now()).toISOString();
    const sig = signDate(sim.apiSecret, xDate);
    const get = (headers: Record<string, string>) => status(fetch(`${sim.url}/workspaces`, { headers }));
    expect(await get({ "x-date": xDate, "x-signature": sig })).toEqual([401, "Missing x-api-key header"]);
    expect(await get({ "x-api-key": sim.apiKey, "x-signature": sig })).toEqual([401, "Missing x-date header"]);
    expect(await get({ "x-api-key": sim.apiKey, "x-date": xDate })).toEqual([401, "Missing x-signature header"]);
    expect(await get({ "x-api-key": "nope", "x-date": xDate, "x-signature": sig })).toEqual([401, "Unknown API key"]);
    const flipped = (sig[0] === "a" ? "b" : "a") + sig.slice(1);
    expect(await get({ "x-api-key": sim.apiKey, "x-date": xDate, "x-signature": flipped })).toEqual([401, "Invalid signature"]);
    expect(await get({ "x-api-key": sim.apiKey, "x-date": xDate, "x-signature": sig.toUpperCase() })).toEqual([401, "Invalid signature"]);
    expect(await get({ "x-api-key": sim.apiKey, "x-date": "yesterday", "x-signature": signDate(sim.apiSecret, "yesterday") })).toEqual([
      401,
      "x-date is not an ISO-8601 timestamp",
    ]);
  });

  it("accepts x-date up to 5 s ahead of its clock and refuses beyond", async () => {
    const ahead = (ms: number) => signedGet(sim, "/workspaces", new Date(sim.now() + ms));
    expect((await ahead(4_500)).status).toBe(200);
    expect(await status(ahead(5_600))).toEqual([401, "x-date is in the future (more than 5 s ahead of server time)"]);
  });

  it("accepts x-date up to 60 s behind its clock and refuses beyond", async () => {
    const behind = (ms: number) => signedGet(sim, "/workspaces", new Date(sim.now() - ms));
    expect((await behind(59_000)).status).toBe(200);
    expect(await status(behind(60_600))).toEqual([401, "x-date is too old (more than 60 s behind server time)"]);
  });

  it("sends its own (offset) clock in the Date header", async () => {
    const res = await signedGet(sim, "/workspaces");
    const date = Date.parse(res.headers.get("date") ?? "");
    expect(Math.abs(date - sim.now())).toBeLessThan(2_000);
    expect(Math.abs(date - Date.now())).toBeGreaterThan(100_000);
  });

  it("answers 404 for an unknown path and 405 for another method", async () => {
    expect((await signedGet(sim, "/vip-userz")).status).toBe(404);
    expect((await fetch(`${sim.url}/workspaces`, { method: "POST" })).status).toBe(405);
  });
});
