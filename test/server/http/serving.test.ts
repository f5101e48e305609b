import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../server/config";
import { createDrain } from "../../../server/http/drain";
import { createReadiness } from "../../../server/readiness";
import { startDashboard } from "../../../server/start";
import { freshPglite } from "../../helpers/databases";
import { memoryLog, MAIN, startStack, type Stack } from "../../helpers/stack";

let dist: string;
let stack: Stack;
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), "dist-"));
  await mkdir(join(dist, "assets"));
  await writeFile(join(dist, "index.html"), "<!doctype html><head><title>Dynamo</title></head><div id=root></div>");
  await writeFile(join(dist, "assets", "index-abc123.js"), "console.log(1)");
  // As the build writes it (vite.config.ts): a lazy view's chunks.
  await writeFile(join(dist, "route-preloads.json"), JSON.stringify({ "/birthdays": ["assets/birthdays-route-x1.js", "assets/virtual-y2.js"] }));
  stack = await startStack({ distDir: dist });
});
afterAll(async () => {
  await stack.close();
  await rm(dist, { recursive: true, force: true });
});

describe("serving the SPA", () => {
  it("serves index.html for client routes, uncached, with a CSP", async () => {
    for (const path of ["/", "/users", "/labels?from=2026-01-01"]) {
      const res = await stack.api(path, { headers: { accept: "text/html" } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("<title>Dynamo</title>");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    }
  });

  it("names a lazy view's chunks in the page answered for its path, so they load beside the app's", async () => {
    const links = (html: string) => [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]);
    for (const path of ["/birthdays", "/birthdays?range=30", "/birthdays/anything"]) {
      const html = await (await stack.api(path, { headers: { accept: "text/html" } })).text();
      expect(links(html)).toEqual(["/assets/birthdays-route-x1.js", "/assets/virtual-y2.js"]);
      expect(html.indexOf("modulepreload")).toBeLessThan(html.indexOf("</head>"));
    }
    for (const path of ["/", "/users", "/birthdaysx", "/constructor", "/__proto__"]) {
      const res = await stack.api(path, { headers: { accept: "text/html" } });
      expect(res.status).toBe(200);
      expect(links(await res.text())).toEqual([]);
    }
  });

  it("answers a browser revalidating the page with 304, and each view's page with its own tag", async () => {
    const first = await stack.api("/birthdays", { headers: { accept: "text/html" } });
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    // As a browser revalidates (fetch() would add `Cache-Control: no-cache` to a conditional request).
    const revalidate = (path: string) =>
      new Promise<{ status: number; etag: string | undefined }>((resolve, reject) => {
        get(new URL(path, stack.dashboard.url), { headers: { accept: "text/html", "if-none-match": etag!, "cache-control": "max-age=0" } }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, etag: res.headers.etag });
        }).on("error", reject);
      });
    expect(await revalidate("/birthdays")).toEqual({ status: 304, etag });
    const users = await revalidate("/users");
    expect(users.status).toBe(200);
    expect(users.etag).not.toBe(etag);
  });

  it("caches hashed assets for a year and 404s missing ones", async () => {
    const res = await stack.api("/assets/index-abc123.js");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const missing = await stack.api("/assets/missing.js");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: "Not found." });
  });
});

describe("demo mode", () => {
  it("starts an embedded simulator with no configuration and serves signed data from it", async () => {
    const { logger, lines } = memoryLog();
    const database = await freshPglite();
    const demo = await startDashboard(loadConfig({ PORT: "0" }), { logger, distDir: dist, database });
    try {
      expect(demo.simulator).toBeDefined();
      const res = await fetch(`${demo.url}/api/vip-users?${MAIN}&limit=5`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { returned: number }).returned).toBe(5);
      expect(demo.simulator!.requests.at(-1)).toMatchObject({ path: "/vip-users", status: 200 });
      expect(lines.join("\n")).not.toContain(demo.simulator!.apiSecret);
    } finally {
      await demo.close(500);
      await database.close();
    }
  });

  it("finishes in-flight requests on shutdown", async () => {
    const { logger } = memoryLog();
    const database = await freshPglite();
    const demo = await startDashboard(loadConfig({ PORT: "0" }), { logger, distDir: dist, database });
    demo.simulator!.faults.add({ latencyMs: 400 });
    const inFlight = fetch(`${demo.url}/api/workspaces`);
    // Shut down once the request has reached the upstream and is waiting there (not after a guess).
    await expect.poll(() => demo.simulator!.requests.some((r) => r.path === "/workspaces" && r.status === 0), { interval: 10 }).toBe(true);
    const closed = demo.close(5_000);
    const res = await inFlight;
    expect(res.status).toBe(200);
    // Keep-alive clients are told to reconnect elsewhere rather than meet a reset.
    expect(res.headers.get("connection")).toBe("close");
    await closed;
    await database.close();
    await expect(fetch(`${demo.url}/api/health`)).rejects.toThrow("fetch failed");
  });
});

describe("readiness", () => {
  it("is ready when the database and the upstream answer, and says which check fails", async () => {
    const ready = await stack.api("/api/ready");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, checks: { draining: false, database: "ok", upstream: "ok" } });
    const health = await fetch(`${stack.dashboard.url}/api/health`, { headers: { host: "10.1.2.3" } });
    expect(health.status).toBe(200);
  });

  it("turns 503 when the upstream fails, and at once when draining", async () => {
    const { logger } = memoryLog();
    const database = await freshPglite();
    const demo = await startDashboard(loadConfig({ PORT: "0" }), { logger, distDir: dist, database });
    try {
      demo.simulator!.faults.add({ status: 500 });
      const failing = await fetch(`${demo.url}/api/ready`);
      expect(failing.status).toBe(503);
      expect(await failing.json()).toEqual({ ready: false, checks: { draining: false, database: "ok", upstream: "failing" } });
    } finally {
      await demo.close(500);
      await database.close();
    }
    const drain = createDrain();
    drain.start();
    const readiness = createReadiness({ drain, database: { ping: async () => {} } as never, upstream: { get: async () => ({ kind: "timeout" }) } as never });
    expect(await readiness()).toMatchObject({ ready: false, checks: { draining: true } });
  });
});
