import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CREDENTIALS_REJECTED } from "../../../server/http/map-outcome";
import { MAIN, startStack } from "../../helpers/stack";
import { stackForFile } from "../../helpers/for-file";

/** Short deadlines keep these tests quick; the mapping does not depend on the numbers. */
const FAST = { UPSTREAM_DEADLINE_MS: "2500", UPSTREAM_ATTEMPT_TIMEOUT_MS: "600" };

const stack = stackForFile({ env: FAST });
afterEach(() => stack.simulator.faults.clear());

async function call(path = `/api/vip-users?${MAIN}&limit=2`) {
  const before = stack.simulator.requests.length;
  const started = Date.now();
  const res = await stack.api(path);
  const body = (await res.json()) as { message?: string };
  return { res, body, ms: Date.now() - started, upstreamCalls: stack.simulator.requests.slice(before) };
}

describe("upstream failures", () => {
  it("maps a 500 to a 502 with a message, without retrying", async () => {
    stack.simulator.faults.add({ status: 500 });
    const { res, body, upstreamCalls } = await call();
    expect(res.status).toBe(502);
    expect(body.message).toMatch(/The Dynamo API failed \(HTTP 500/);
    expect(upstreamCalls).toHaveLength(1);
  });

  it("retries 503 at most twice, each attempt freshly signed", async () => {
    stack.simulator.faults.add({ status: 503 });
    const { res, upstreamCalls } = await call();
    expect(res.status).toBe(502);
    expect(upstreamCalls).toHaveLength(3);
    expect(new Set(upstreamCalls.map((c) => c.xDate)).size).toBe(3);
  });

  it("recovers when a retry succeeds", async () => {
    stack.simulator.faults.add({ status: 502, times: 1 });
    stack.simulator.faults.add({ status: 504, times: 1 });
    const { res, upstreamCalls } = await call();
    expect(res.status).toBe(200);
    expect(upstreamCalls.map((c) => c.status)).toEqual([502, 504, 200]);
  });

  it("honours a short Retry-After on 429", async () => {
    stack.simulator.faults.add({ status: 429, retryAfterS: 1, times: 1 });
    const { res, ms, upstreamCalls } = await call();
    expect(res.status).toBe(200);
    expect(ms).toBeGreaterThanOrEqual(1000);
    expect(upstreamCalls).toHaveLength(2);
  });

  it("passes a long Retry-After on to the browser instead of waiting", async () => {
    stack.simulator.faults.add({ status: 429, retryAfterS: 120 });
    const { res, body, upstreamCalls } = await call();
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("120");
    expect(body.message).toMatch(/rate limiting.*120 s/);
    expect(upstreamCalls).toHaveLength(1);
  });

  it("gives up on a hanging upstream within the deadline with a 504", async () => {
    stack.simulator.faults.add({ hang: true });
    const { res, body, ms, upstreamCalls } = await call();
    expect(res.status).toBe(504);
    expect(body.message).toMatch(/did not answer within 3 s/);
    expect(ms).toBeLessThan(2500 + 500);
    expect(upstreamCalls.length).toBeLessThanOrEqual(3);
  });

  it("answers 502 when the upstream breaks the contract", async () => {
    stack.simulator.faults.add({ malformed: "json", times: 1 });
    const bad = await call();
    expect(bad.res.status).toBe(502);
    expect(bad.body.message).toMatch(/does not understand \(the body is not JSON\)/);
    stack.simulator.faults.add({ malformed: "shape", times: 1 });
    const wrong = await call();
    expect(wrong.res.status).toBe(502);
    expect(wrong.body.message).toMatch(/does not understand \(items:/);
  });

  it("passes upstream 400, 403 and 404 through with their status and message", async () => {
    for (const status of [400, 403, 404]) {
      stack.simulator.faults.add({ status, times: 1 });
      const { res, body, upstreamCalls } = await call();
      expect(res.status).toBe(status);
      expect(body).toEqual({ message: `Simulated failure (HTTP ${status})` });
      expect(upstreamCalls).toHaveLength(1);
    }
  });

  it("does not follow a redirect: a 3xx is an unexpected answer", async () => {
    stack.simulator.faults.add({ status: 302, times: 1 });
    const { res, body, upstreamCalls } = await call();
    expect(res.status).toBe(502);
    expect(body.message).toMatch(/HTTP 302/);
    expect(upstreamCalls).toHaveLength(1);
  });

  it("waits out latency below the attempt timeout", async () => {
    stack.simulator.faults.add({ latencyMs: 300, times: 1 });
    expect((await call()).res.status).toBe(200);
  });
});

describe("unreachable upstream and rejected credentials", () => {
  it("maps connection refused to a 502 after bounded retries", async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const dead = await startStack({ env: { ...FAST, DYNAMO_API_URL: `http://127.0.0.1:${port}` } });
    try {
      const res = await dead.api(`/api/workspaces`);
      expect(res.status).toBe(502);
      expect(((await res.json()) as { message: string }).message).toMatch(/Could not reach the Dynamo API \(ECONNREFUSED\)/);
      const line = dead.logs.map((l) => JSON.parse(l)).find((l) => l.route === "/api/workspaces");
      expect(line.attempts).toBe(3);
    } finally {
      await dead.close();
    }
  });

  it("turns an upstream 401 into a 502 that names our credentials, never a 401", async () => {
    const wrong = await startStack({ env: { DYNAMO_API_SECRET: "not-the-secret" } });
    try {
      const res = await wrong.api(`/api/vip-users?${MAIN}`);
      expect(res.status).toBe(502);
      expect(await res.json()).toEqual({ message: CREDENTIALS_REJECTED });
      expect(wrong.simulator.requests.filter((r) => r.path === "/vip-users")).toHaveLength(1);
    } finally {
      await wrong.close();
    }
  });
});
