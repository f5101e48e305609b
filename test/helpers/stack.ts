import { Writable } from "node:stream";
import { loadConfig } from "../../server/config";
import { createLogger } from "../../server/logger";
import { startSimulator, type Simulator, type SimulatorOptions } from "../../server/simulator/index";
import type { AppDatabase } from "../../server/db/open-database";
import { startDashboard, type RunningDashboard } from "../../server/start";
import { freshPglite } from "./databases";
import { signedHeaders } from "../../server/signing";

export interface Stack {
  simulator: Simulator;
  dashboard: RunningDashboard;
  /** Every log line the dashboard wrote, raw. */
  logs: string[];
  api(path: string, init?: RequestInit): Promise<Response>;
  /** POSTs a path's query as a JSON body, from the dashboard's own origin (as its pages do). */
  post(pathWithQuery: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** Captures pino's output in memory so tests can read every line. */
export function memoryLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger("debug", stream) };
}

/**
 * A simulator and a dashboard in live mode pointed at it (exactly as against the real API),
 * both on free loopback ports, over real HTTP.
 */
export interface StackOptions {
  simulator?: SimulatorOptions;
  env?: Record<string, string>;
  distDir?: string;
  /** Default: a fresh in-memory PGlite, closed with the stack. */
  database?: AppDatabase;
  /** An upstream shared with other stacks (not closed with this one), as instances share the real API. */
  sharedSimulator?: Simulator;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  // Warm, as in demo mode: first-use data generation would otherwise eat into attempt timeouts.
  const simulator = options.sharedSimulator ?? (await startSimulator({ warm: true, ...options.simulator }));
  const { lines, logger } = memoryLog();
  const config = loadConfig({
    DYNAMO_API_URL: simulator.url,
    DYNAMO_API_KEY: simulator.apiKey,
    DYNAMO_API_SECRET: simulator.apiSecret,
    DYNAMO_STORAGE_HOSTS: simulator.host,
    NOTIFY_ENCRYPTION_KEY: "bm90aWZ5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=",
    PORT: "0",
    // Most tests count upstream calls one request at a time: no cache, no budget, no per-person
    // limit unless a test asks for them (test/server/upstream/quota.test.ts does).
    CACHE_TTL_SECONDS: "0",
    CACHE_SETTLED_TTL_SECONDS: "0",
    UPSTREAM_MAX_RPS: "10000",
    UPSTREAM_MAX_CONCURRENCY: "1000",
    USER_REQUESTS_PER_MINUTE: "1000000",
    USER_EXPORTS_PER_HOUR: "100000",
    ...options.env,
  });
  const database = options.database ?? (await freshPglite());
  const dashboard = await startDashboard(config, { logger, distDir: options.distDir ?? "/nonexistent-dist", database });
  return {
    simulator,
    dashboard,
    logs: lines,
    api: (path, init) => fetch(dashboard.url + path, init),
    post: (pathWithQuery, headers = {}) => postAsJson(dashboard.url, pathWithQuery, headers),
    async close() {
      await dashboard.close(1000);
      if (!options.sharedSimulator) await simulator.close();
      if (!options.database) await database.close();
    },
  };
}

/** The query of `pathWithQuery` as a JSON body, POSTed from `origin`'s own pages. */
export function postAsJson(origin: string, pathWithQuery: string, headers: Record<string, string> = {}) {
  const url = new URL(pathWithQuery, origin);
  return fetch(`${origin}${url.pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, "sec-fetch-site": "same-origin", ...headers },
    body: JSON.stringify(Object.fromEntries(url.searchParams)),
  });
}

/** A correctly signed request straight to the simulator. */
export function signedGet(sim: Simulator, path: string, at = new Date(sim.now())) {
  return fetch(sim.url + path, { headers: signedHeaders(sim.apiKey, sim.apiSecret, at) });
}

export const MAIN = "workspaceId=ws_aurora&mediumId=ch_aurora_messenger";
export const CAPPED = "workspaceId=ws_skyforge&mediumId=ch_skyforge_app";
