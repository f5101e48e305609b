import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseQuery } from "node:querystring";
import { UPSTREAM_ROUTES, type UpstreamRoute, type UpstreamRouteName } from "#contract/routes";
import { toValidationErrorBody } from "#contract/validation-errors";
import { authenticate } from "./auth";
import { createDataset, type Dataset } from "./data/dataset";
import { FaultPlan, type FaultSpec } from "./faults";
import { listChannels, listWorkspaces } from "./handlers/catalog";
import type { SimContext, SimReply } from "./handlers/context";
import { exportMessages, listMessages } from "./handlers/messages";
import { labelOverview } from "./handlers/overview";
import { exportUsers, listUsers } from "./handlers/users";
import { LocalStorage } from "./storage";

export interface SimulatorOptions {
  host?: string;
  port?: number;
  seed?: string;
  apiKey?: string;
  apiSecret?: string;
  /** Added to the simulator's clock, to test clock-skew handling. */
  clockOffsetMs?: number;
  faults?: FaultSpec[];
  storageDir?: string;
  /** Generate the demo data before listening, so the first request is as fast as the rest. */
  warm?: boolean;
  /** A studio this many times the demo's (dataset.ts): 50 is 260,000 VIP players and ~20,000 messages a day. */
  scale?: number;
  /** Added to every answer of a route: the real API answers in tens to hundreds of ms. */
  routeLatencyMs?: Partial<Record<UpstreamRouteName, number>>;
}

export interface RequestRecord {
  method: string;
  path: string;
  /** The query string, decoded (`?from=2026-09-01T00:00:00.000Z&…`). */
  query: string;
  xDate: string | undefined;
  status: number;
}

export interface Simulator {
  url: string;
  /** host:port, for the proxy's Storage allowlist. */
  host: string;
  apiKey: string;
  apiSecret: string;
  dataset: Dataset;
  faults: FaultPlan;
  /** The last requests, newest last (bounded), for tests that count attempts. */
  requests: RequestRecord[];
  now(): number;
  setClockOffset(ms: number): void;
  close(): Promise<void>;
}

// oxlint-disable-next-line typescript/no-explicit-any -- each handler takes its own route's parsed query
type Handler = (ctx: SimContext, query: any) => SimReply | Promise<SimReply>;

const HANDLERS: Record<UpstreamRouteName, Handler> = {
  workspaces: listWorkspaces,
  channels: listChannels,
  vipUsers: listUsers,
  vipUsersExport: exportUsers,
  vipMessages: listMessages,
  vipMessagesExport: exportMessages,
  labelOverview,
};

const ROUTES_BY_PATH = new Map<string, { name: UpstreamRouteName; route: UpstreamRoute; handler: Handler }>(
  Object.entries(UPSTREAM_ROUTES).map(([name, route]) => [
    route.path,
    { name: name as UpstreamRouteName, route, handler: HANDLERS[name as UpstreamRouteName] },
  ]),
);

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a simulator of the Dynamo External API on a loopback port (0 = any free port). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const apiKey = options.apiKey ?? `key_${randomBytes(8).toString("hex")}`;
  const apiSecret = options.apiSecret ?? randomBytes(32).toString("hex");
  const keys = new Map([[apiKey, apiSecret]]);
  let clockOffset = options.clockOffsetMs ?? 0;
  const now = () => Date.now() + clockOffset;
  const dataset = createDataset(options.seed ?? "dynamo-demo", now(), options.scale ?? 1);
  if (options.warm) dataset.warm();
  const storage = await LocalStorage.open(options.storageDir);
  const faults = new FaultPlan();
  for (const f of options.faults ?? []) faults.add(f);
  const requests: RequestRecord[] = [];
  let origin = "";

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const record: RequestRecord = {
      method: req.method ?? "",
      path: url.pathname,
      query: decodeURIComponent(url.search),
      xDate: req.headers["x-date"] as string | undefined,
      status: 0,
    };
    requests.push(record);
    if (requests.length > 2000) requests.splice(0, requests.length - 2000);
    res.on("finish", () => (record.status = res.statusCode));
    res.setHeader("Date", new Date(now()).toUTCString());

    const fault = faults.take(url.pathname, url.search);
    if (fault?.latencyMs) await sleep(fault.latencyMs);
    if (fault?.hang) return;
    if (fault?.status) {
      const headers: Record<string, string> = fault.retryAfterS === undefined ? {} : { "Retry-After": String(fault.retryAfterS) };
      return sendJson(res, fault.status, { message: `Simulated failure (HTTP ${fault.status})` }, headers);
    }
    if (fault?.malformed === "json") {
      res.writeHead(200, { "Content-Type": "application/json" });
      return res.end('{"items": [');
    }
    if (fault?.malformed === "shape") return sendJson(res, 200, { unexpected: true });
    if (fault?.oversizedBytes) {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": fault.oversizedBytes });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let left = fault.oversizedBytes; left > 0 && !res.destroyed; left -= chunk.length) {
        if (!res.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((r) => res.once("drain", r));
      }
      return res.end();
    }

    if (url.pathname.startsWith("/storage/") && req.method === "GET") {
      return storage.serve(url.pathname.slice("/storage/".length), url.searchParams, now(), res);
    }
    const entry = ROUTES_BY_PATH.get(url.pathname);
    if (!entry) return sendJson(res, 404, { message: `No route GET ${url.pathname}` });
    const latency = options.routeLatencyMs?.[entry.name];
    if (latency) await sleep(latency);
    if (req.method !== "GET") return sendJson(res, 405, { message: `Method ${req.method} is not allowed` }, { Allow: "GET" });
    const auth = authenticate(req.headers, keys, now());
    if (!auth.ok) return sendJson(res, 401, { message: auth.message });
    const parsed = entry.route.query.safeParse(parseQuery(url.search.slice(1)));
    if (!parsed.success) return sendJson(res, 400, toValidationErrorBody(parsed.error));
    const result = await entry.handler({ dataset, storage, now: now(), origin }, parsed.data);
    sendJson(res, result.status, result.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: `Simulator failure: ${(error as Error).message}` });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  const host = `${address.address}:${address.port}`;
  origin = `http://${host}`;

  return {
    url: origin,
    host,
    apiKey,
    apiSecret,
    dataset,
    faults,
    requests,
    now,
    setClockOffset: (ms) => void (clockOffset = ms),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
    },
  };
}
