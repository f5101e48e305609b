import { describe, expect, it } from "vitest";
import type { ExportAnswer } from "#contract/dashboard-api";
import { cacheTtlFor } from "../../../server/upstream/gateway";
import { freshPostgres, postgresUrl } from "../../helpers/databases";
import { startProxyStack } from "../../helpers/proxy-stack";
import { MAIN, startStack, type Stack } from "../../helpers/stack";

/** Spending the vendor's quota with care: coalescing, the cache, the key's budget, per-person limits. */
async function withStack(env: Record<string, string>, run: (stack: Stack) => Promise<void>) {
  const stack = await startStack({ env });
  try {
    await run(stack);
  } finally {
    await stack.close();
  }
}

const upstreamCalls = (stack: Stack, path: string, since: number) => stack.simulator.requests.slice(since).filter((r) => r.path === path).length;
const DAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe("identical requests in flight", () => {
  it("share one upstream call: 100 concurrent identical GETs, and 100 concurrent identical exports", async () => {
    await withStack({}, async (stack) => {
      stack.simulator.faults.add({ latencyMs: 300, times: 2 });
      const before = stack.simulator.requests.length;
      const lists = await Promise.all(Array.from({ length: 100 }, () => stack.api(`/api/vip-users?${MAIN}&limit=20&offset=40`)));
      expect(lists.every((r) => r.status === 200)).toBe(true);
      expect(upstreamCalls(stack, "/vip-users", before)).toBe(1);
      const exportsBefore = stack.simulator.requests.length;
      const made = await Promise.all(Array.from({ length: 100 }, () => stack.post(`/api/vip-users/export?${MAIN}&birthdayMonth=5`)));
      expect(made.every((r) => r.status === 200)).toBe(true);
      expect(upstreamCalls(stack, "/vip-users/export", exportsBefore)).toBe(1);
      // A double click gets the same file, not a second one.
      const urls = new Set(await Promise.all(made.map(async (r) => ((await r.json()) as ExportAnswer).downloadUrl)));
      expect(urls.size).toBe(1);
    });
  });

  it("coalesce exports across people too, each with their own link", async () => {
    const env = await startProxyStack({ env: { CACHE_TTL_SECONDS: "0" } });
    try {
      env.stack.simulator.faults.add({ latencyMs: 300, times: 1 });
      const before = env.stack.simulator.requests.length;
      const [a, b] = await Promise.all(
        ["exporter@studio.test", "admin@studio.test"].map(async (email) => env.stack.post(`/api/vip-users/export?${MAIN}&birthdayMonth=9`, await env.as(email))),
      );
      expect(upstreamCalls(env.stack, "/vip-users/export", before)).toBe(1);
      const [ja, jb] = (await Promise.all([a!.json(), b!.json()])) as ExportAnswer[];
      expect(ja!.downloadUrl).not.toBe(jb!.downloadUrl);
    } finally {
      await env.close();
    }
  });
});

describe("the cache", () => {
  it("reuses a list answer for a short time, and never serves it past the access check", async () => {
    const env = await startProxyStack({ env: { CACHE_TTL_SECONDS: "30" } });
    try {
      const path = `/api/vip-users?${MAIN}&limit=7`;
      const before = env.stack.simulator.requests.length;
      const first = await env.stack.api(path, { headers: await env.as("analyst@studio.test") });
      const second = await env.stack.api(path, { headers: await env.as("analyst@studio.test") });
      expect(await second.text()).toBe(await first.text());
      expect(upstreamCalls(env.stack, "/vip-users", before)).toBe(1);
      expect((await env.stack.api(path, { headers: await env.as("viewer@studio.test") })).status).toBe(403);
      expect(second.headers.get("cache-control")).toBe("no-store");
    } finally {
      await env.close();
    }
  });

  it("keeps an overview of a window that ended over a day ago for longer", () => {
    const now = Date.UTC(2026, 10, 23, 12);
    const ttl = (to: string) => cacheTtlFor("/vip-labels/overview", new URLSearchParams({ from: "2026-11-01", to }), now, { cacheTtlMs: 30_000, settledTtlMs: 600_000 });
    expect(ttl("2026-11-20")).toBe(600_000);
    expect(ttl("2026-11-22")).toBe(30_000);
    expect(ttl("2026-11-23")).toBe(30_000);
    expect(cacheTtlFor("/vip-users", new URLSearchParams(), now, { cacheTtlMs: 30_000, settledTtlMs: 600_000 })).toBe(30_000);
  });
});

describe("the API key's budget", () => {
  it("queues calls beyond the rate briefly, then answers 429 with Retry-After and a message", async () => {
    await withStack({ UPSTREAM_MAX_RPS: "2", UPSTREAM_MAX_CONCURRENCY: "2", UPSTREAM_QUEUE_MS: "400" }, async (stack) => {
      const before = stack.simulator.requests.length;
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => stack.api(`/api/vip-users?${MAIN}&limit=5&offset=${i * 5}`)));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
      const refused = answers.filter((r) => r.status === 429);
      expect(refused.length).toBeGreaterThan(0);
      expect(Number(refused[0]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(((await refused[0]!.json()) as { message: string }).message).toMatch(/request budget for the Dynamo API key/);
      expect(upstreamCalls(stack, "/vip-users", before)).toBe(statuses.filter((s) => s === 200).length);
    });
  });
});

describe("the API key's budget across instances", () => {
  /** Two instances on one PostgreSQL and one upstream; `run` gets both. */
  async function twoInstances(env: Record<string, string>, run: (a: Stack, b: Stack) => Promise<void>) {
    const database = await freshPostgres();
    const a = await startStack({ env: { CACHE_TTL_SECONDS: "0", ...env }, database });
    const b = await startStack({ env: { CACHE_TTL_SECONDS: "0", ...env }, database, sharedSimulator: a.simulator });
    try {
      await run(a, b);
    } finally {
      await b.close();
      await a.close();
      await database.close();
    }
  }
  /** Distinct pages, half through each instance, all at once: the time they take together. */
  async function spread(a: Stack, b: Stack, calls: number) {
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: calls }, (_, i) => (i % 2 ? b : a).api(`/api/vip-users?${MAIN}&limit=5&offset=${i * 5}`)));
    return { ms: Date.now() - started, statuses: answers.map((r) => r.status) };
  }

  it.skipIf(!postgresUrl)("is one rate for every instance: 12 calls at 3 a second (bursts of 3) take 3 s whichever instance they reach", async () => {
    await twoInstances({ UPSTREAM_MAX_RPS: "3", UPSTREAM_MAX_CONCURRENCY: "8", UPSTREAM_QUEUE_MS: "10000" }, async (a, b) => {
      const before = a.simulator.requests.length;
      const { ms, statuses } = await spread(a, b, 12);
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect(upstreamCalls(a, "/vip-users", before)).toBe(12);
      // The bucket never holds more than 3, so 12 calls need 9 more tokens: 3 s at least. Each
      // instance with a budget of its own would need 1 s for its 6.
      expect(ms).toBeGreaterThanOrEqual(2_700);
    });
  });

  it.skipIf(!postgresUrl)("is one set of call slots: at most 2 in flight between them", async () => {
    await twoInstances({ UPSTREAM_MAX_RPS: "100", UPSTREAM_MAX_CONCURRENCY: "2", UPSTREAM_QUEUE_MS: "10000" }, async (a, b) => {
      a.simulator.faults.add({ pathPrefix: "/vip-users", latencyMs: 300, times: 8 });
      const { ms, statuses } = await spread(a, b, 8);
      expect(statuses.every((s) => s === 200)).toBe(true);
      // 8 calls of 300 ms, 2 at a time: four rounds. Two slots each would make it two.
      expect(ms).toBeGreaterThanOrEqual(4 * 300 - 50);
    });
  });
});

describe("per-person limits", () => {
  it("answer 429 with Retry-After past the requests per minute and the exports per hour", async () => {
    await withStack({ USER_REQUESTS_PER_MINUTE: "5", USER_EXPORTS_PER_HOUR: "1" }, async (stack) => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await stack.api(`/api/vip-labels/overview?${MAIN}&from=${DAY}&to=${DAY}`)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const limited = await stack.api("/api/workspaces");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await limited.json()) as { message: string }).message).toMatch(/too many requests/);
    });
    await withStack({ USER_EXPORTS_PER_HOUR: "1" }, async (stack) => {
      expect((await stack.post(`/api/vip-users/export?${MAIN}&birthdayMonth=1`)).status).toBe(200);
      const second = await stack.post(`/api/vip-users/export?${MAIN}&birthdayMonth=2`);
      expect(second.status).toBe(429);
      expect(((await second.json()) as { message: string }).message).toMatch(/too many exports/);
    });
  });

  it.skipIf(!postgresUrl)("are shared by all instances through PostgreSQL", async () => {
    const database = await freshPostgres();
    const env = { USER_REQUESTS_PER_MINUTE: "3" };
    const a = await startStack({ env, database });
    const b = await startStack({ env, database, sharedSimulator: a.simulator });
    try {
      const statuses = [];
      for (const stack of [a, b, a, b]) statuses.push((await stack.api("/api/workspaces")).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await b.close();
      await a.close();
      await database.close();
    }
  });
});

describe("clear messages", () => {
  it("for an oversized upstream answer and for a failing Storage host", async () => {
    await withStack({}, async (stack) => {
      stack.simulator.faults.add({ pathPrefix: "/vip-users", oversizedBytes: 17 * 1024 * 1024, times: 1 });
      const big = await stack.api(`/api/vip-users?${MAIN}`);
      expect(big.status).toBe(502);
      expect(((await big.json()) as { message: string }).message).toMatch(/larger than 16 MiB/);
      const made = (await (await stack.post(`/api/vip-users/export?${MAIN}&birthdayMonth=3`)).json()) as ExportAnswer;
      stack.simulator.faults.add({ pathPrefix: "/storage/", status: 500, times: 1 });
      const failing = await stack.api(made.downloadUrl);
      expect(failing.status).toBe(502);
      expect(((await failing.json()) as { message: string }).message).toMatch(/storage failed \(HTTP 500\)\. Try the download again/);
    });
  });
});

describe("metrics", () => {
  it("are served behind a bearer token, or on their own port", async () => {
    await withStack({ METRICS_TOKEN: "a-long-enough-metrics-token", METRICS_PORT: "0" }, async (stack) => {
      await stack.api(`/api/vip-users?${MAIN}&limit=1`);
      expect((await stack.api("/metrics")).status).toBe(401);
      const res = await stack.api("/metrics", { headers: { authorization: "Bearer a-long-enough-metrics-token" } });
      expect(res.status).toBe(200);
      const text = await res.text();
      for (const name of ["dashboard_http_requests_total", "dashboard_http_request_duration_seconds", "dashboard_upstream_calls_total", "dashboard_cache_misses_total", "dashboard_sessions_active", "dashboard_download_bytes_total"]) {
        expect(text).toContain(name);
      }
      expect(text).toMatch(/dashboard_http_requests_total\{route="\/api\/vip-users",method="GET",status="200"\} 1/);
      expect(text).not.toContain("ws_aurora");
      const separate = await fetch(stack.dashboard.metricsUrl!);
      expect(separate.status).toBe(200);
    });
    await withStack({}, async (stack) => {
      expect((await stack.api("/metrics")).status).toBe(404);
    });
  });
});
