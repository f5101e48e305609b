import { resolve } from "node:path";
import { z } from "zod";
import { UPSTREAM_ROUTES, type UpstreamRouteName } from "#contract/routes";
import { authEnvSchema, parseAuthConfig, type AuthConfig } from "./auth-config";
import type { DatabaseTarget } from "./db/open-database";

/**
 * The server's configuration, parsed once from the environment at start. Problems are
 * collected and reported together, each naming its variable, so a misconfigured deployment
 * fails fast with one readable message.
 */
const emptyAsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyAsUnset, z.string().optional());
const durationMs = (fallback: number) =>
  z.preprocess(emptyAsUnset, z.coerce.number().int().min(100).max(600_000).default(fallback));

const envSchema = z.object({
  DYNAMO_API_URL: z.preprocess(
    emptyAsUnset,
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. https://api.example.com" }).optional(),
  ),
  DYNAMO_API_KEY: optionalString,
  DYNAMO_API_SECRET: optionalString,
  DYNAMO_STORAGE_HOSTS: optionalString,
  /** Where a conversation opens in Dynamo: an https URL with `{conversationId}` in it. */
  DYNAMO_CONVERSATION_URL: z.preprocess(
    emptyAsUnset,
    z
      .url({ protocol: /^https?$/ })
      .refine((v) => v.includes("{conversationId}"), "must contain {conversationId}, e.g. https://app.dynamo.example/conversations/{conversationId}")
      .optional(),
  ),
  PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(65_535).default(8080)),
  HOST: z.preprocess(emptyAsUnset, z.string().default("127.0.0.1")),
  LOG_LEVEL: z.preprocess(emptyAsUnset, z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("info")),
  UPSTREAM_DEADLINE_MS: durationMs(20_000),
  UPSTREAM_EXPORT_DEADLINE_MS: durationMs(120_000),
  UPSTREAM_ATTEMPT_TIMEOUT_MS: durationMs(8_000),
  UPSTREAM_EXPORT_ATTEMPT_TIMEOUT_MS: durationMs(60_000),
  DEMO_SEED: z.preprocess(emptyAsUnset, z.string().default("dynamo-demo")),
  NODE_ENV: optionalString,
  DEMO: z.preprocess(emptyAsUnset, z.enum(["0", "1"]).optional()),
  DEMO_LATENCY_MS: optionalString,
  /** Demo only: the simulator's clock (and so its data's "today") starts at this instant. */
  DEMO_CLOCK: z.preprocess(emptyAsUnset, z.iso.datetime({ offset: true }).optional()),
  /** Demo only: a studio this many times the demo's (server/simulator/data/dataset.ts). */
  DEMO_SCALE: z.preprocess(emptyAsUnset, z.coerce.number().min(1).max(200).default(1)),
  SHUTDOWN_GRACE_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(600).default(30)),
  CACHE_TTL_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(3600).default(30)),
  CACHE_SETTLED_TTL_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(86_400).default(600)),
  CACHE_MAX_MB: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(4096).default(64)),
  UPSTREAM_MAX_RPS: z.preprocess(emptyAsUnset, z.coerce.number().min(0.1).max(10_000).default(20)),
  UPSTREAM_MAX_CONCURRENCY: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(1000).default(8)),
  UPSTREAM_QUEUE_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(60_000).default(2000)),
  USER_REQUESTS_PER_MINUTE: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(1_000_000).default(600)),
  USER_EXPORTS_PER_HOUR: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(100_000).default(60)),
  METRICS_PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(65_535).optional()),
  METRICS_TOKEN: z.preprocess(emptyAsUnset, z.string().min(16, "must be at least 16 characters").optional()),
  METRICS_HOST: z.preprocess(emptyAsUnset, z.string().default("127.0.0.1")),
  DATABASE_URL: z.preprocess(
    emptyAsUnset,
    z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" }).optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUnset, z.string().default("./data")),
  DOWNLOAD_LINK_TTL_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(10).max(900).default(300)),
  AUDIT_RETENTION_DAYS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(3650).default(365)),
  /** Stored trend windows are removed this many days after they end: 800 covers 24 months and the same months a year earlier. */
  TREND_RETENTION_DAYS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(31).max(3650).default(800)),
  /** 32 bytes, base64: seals destination URLs, webhook secrets and queued messages at rest. */
  NOTIFY_ENCRYPTION_KEY: optionalString,
  NOTIFY_WEBHOOK_HOSTS: z.preprocess(emptyAsUnset, z.string().default("hooks.slack.com,discord.com,discordapp.com")),
  SMTP_URL: z.preprocess(emptyAsUnset, z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional()),
  MAIL_FROM: z.preprocess(emptyAsUnset, z.string().max(200).default("Dynamo VIP dashboard <dashboard@localhost>")),
  ALERT_CHECK_MINUTES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(1440).default(15)),
  /** How often each instance looks for due digests and queued deliveries. */
  NOTIFY_TICK_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().min(0.05).max(300).default(15)),
}).extend(authEnvSchema.shape);

const HOST_PORT = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/i;

export interface UpstreamCredentials {
  baseUrl: URL;
  apiKey: string;
  apiSecret: string;
}

export interface Timeouts {
  listDeadlineMs: number;
  exportDeadlineMs: number;
  listAttemptMs: number;
  exportAttemptMs: number;
}

export interface Config extends AuthConfig {
  port: number;
  host: string;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  timeouts: Timeouts;
  demoSeed: string;
  /** Demo mode: latency the embedded simulator adds per route, to feel like the real API. */
  demoLatencyMs: Partial<Record<UpstreamRouteName, number>>;
  /** A URL template (`…{conversationId}…`) that opens a conversation in Dynamo; null: none. */
  conversationUrl: string | null;
  /** Demo only: the simulator's clock minus ours (DEMO_CLOCK), to try the dashboard on another day. */
  demoClockOffsetMs: number;
  /** Demo only: the embedded simulator's studio, this many times the demo's. */
  demoScale: number;
  /** PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR. */
  database: DatabaseTarget;
  /** How long a download link works; never longer than the vendor's Storage URL behind it. */
  downloadLinkTtlMs: number;
  auditRetentionDays: number;
  trendRetentionDays: number;
  /** On SIGTERM: how long in-flight requests (downloads above all) may take to finish. */
  shutdownGraceMs: number;
  cache: { ttlMs: number; settledTtlMs: number; maxBytes: number };
  budget: { maxRps: number; maxConcurrency: number; queueMs: number };
  userLimits: { requestsPerMinute: number; exportsPerHour: number };
  /** /metrics on its own port (loopback by default), and/or on the main port behind a bearer token. */
  metrics: { port: number | undefined; host: string; token: string | undefined };
  notify: NotifyConfig;
  /** Absent in demo mode: the embedded simulator supplies the upstream. */
  live: (UpstreamCredentials & { storageHosts: string[] }) | undefined;
}

export interface NotifyConfig {
  /** The sealing key; undefined in demo mode without one (a key is kept in DATA_DIR instead). */
  encryptionKey: Buffer | undefined;
  /** Hosts notifications may be posted to (host or host:port, lower case). */
  webhookHosts: string[];
  /** Undefined: e-mail goes to the built-in outbox the dashboard shows. */
  smtpUrl: string | undefined;
  mailFrom: string;
  alertCheckMs: number;
  tickMs: number;
  /** Where the key file lives when none is configured (demo mode only). */
  keyFile: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function parseStorageHosts(value: string): { hosts: string[]; invalid: string[] } {
  const entries = value.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean);
  return { hosts: entries.filter((h) => HOST_PORT.test(h)), invalid: entries.filter((h) => !HOST_PORT.test(h)) };
}

/** "vipUsers=120,labelOverview=600": per-route latency for the demo's simulator. */
function parseDemoLatency(value: string, problems: string[]): Partial<Record<UpstreamRouteName, number>> {
  const latency: Partial<Record<UpstreamRouteName, number>> = {};
  for (const entry of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [name = "", ms = ""] = entry.split("=");
    if (!(name in UPSTREAM_ROUTES) || !/^\d{1,5}$/.test(ms)) {
      problems.push(`DEMO_LATENCY_MS has an entry that is not route=ms (routes: ${Object.keys(UPSTREAM_ROUTES).join(", ")}): ${entry}`);
      continue;
    }
    latency[name as UpstreamRouteName] = Number(ms);
  }
  return latency;
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const credentials = { DYNAMO_API_URL: e.DYNAMO_API_URL, DYNAMO_API_KEY: e.DYNAMO_API_KEY, DYNAMO_API_SECRET: e.DYNAMO_API_SECRET };
  const given = Object.entries(credentials).filter(([, v]) => v !== undefined);
  let live: Config["live"];
  if (given.length > 0 && given.length < 3) {
    for (const [name, value] of Object.entries(credentials)) {
      if (value === undefined) {
        problems.push(`${name} is missing: set DYNAMO_API_URL, DYNAMO_API_KEY and DYNAMO_API_SECRET together (or none of them for demo mode)`);
      }
    }
  } else if (given.length === 3) {
    const storage = parseStorageHosts(e.DYNAMO_STORAGE_HOSTS ?? "");
    if (storage.invalid.length > 0) problems.push(`DYNAMO_STORAGE_HOSTS has entries that are not host[:port]: ${storage.invalid.join(", ")}`);
    if (storage.hosts.length === 0 && storage.invalid.length === 0) {
      problems.push("DYNAMO_STORAGE_HOSTS is missing: name the host[:port] list the export CSV files may be fetched from");
    }
    live = {
      baseUrl: new URL(e.DYNAMO_API_URL as string),
      apiKey: e.DYNAMO_API_KEY as string,
      apiSecret: e.DYNAMO_API_SECRET as string,
      storageHosts: storage.hosts,
    };
  }
  if (!live && given.length === 0 && e.NODE_ENV === "production" && e.DEMO !== "1") {
    problems.push(
      "NODE_ENV=production but no Dynamo API is configured: set DYNAMO_API_URL, DYNAMO_API_KEY, DYNAMO_API_SECRET and DYNAMO_STORAGE_HOSTS, or DEMO=1 to serve the simulated demo data on purpose",
    );
  }
  const auth = parseAuthConfig(e, e.HOST, problems);
  const demoLatencyMs = parseDemoLatency(e.DEMO_LATENCY_MS ?? "", problems);
  let encryptionKey: Buffer | undefined;
  if (e.NOTIFY_ENCRYPTION_KEY) {
    encryptionKey = Buffer.from(e.NOTIFY_ENCRYPTION_KEY, "base64");
    if (encryptionKey.length !== 32) problems.push("NOTIFY_ENCRYPTION_KEY must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)");
  } else if (live) {
    problems.push("NOTIFY_ENCRYPTION_KEY is missing: 32 random bytes in base64 (`openssl rand -base64 32`), the same on every instance; it seals notification destinations at rest");
  }
  const webhookHosts = parseStorageHosts(e.NOTIFY_WEBHOOK_HOSTS);
  if (webhookHosts.invalid.length > 0) problems.push(`NOTIFY_WEBHOOK_HOSTS has entries that are not host[:port]: ${webhookHosts.invalid.join(", ")}`);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    timeouts: {
      listDeadlineMs: e.UPSTREAM_DEADLINE_MS,
      exportDeadlineMs: e.UPSTREAM_EXPORT_DEADLINE_MS,
      listAttemptMs: e.UPSTREAM_ATTEMPT_TIMEOUT_MS,
      exportAttemptMs: e.UPSTREAM_EXPORT_ATTEMPT_TIMEOUT_MS,
    },
    demoSeed: e.DEMO_SEED,
    demoLatencyMs,
    conversationUrl: e.DYNAMO_CONVERSATION_URL ?? null,
    demoClockOffsetMs: e.DEMO_CLOCK ? Date.parse(e.DEMO_CLOCK) - Date.now() : 0,
    demoScale: e.DEMO_SCALE,
    live,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: resolve(e.DATA_DIR) },
    downloadLinkTtlMs: e.DOWNLOAD_LINK_TTL_SECONDS * 1000,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    trendRetentionDays: e.TREND_RETENTION_DAYS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
    cache: { ttlMs: e.CACHE_TTL_SECONDS * 1000, settledTtlMs: e.CACHE_SETTLED_TTL_SECONDS * 1000, maxBytes: e.CACHE_MAX_MB * 1024 * 1024 },
    budget: { maxRps: e.UPSTREAM_MAX_RPS, maxConcurrency: e.UPSTREAM_MAX_CONCURRENCY, queueMs: e.UPSTREAM_QUEUE_MS },
    userLimits: { requestsPerMinute: e.USER_REQUESTS_PER_MINUTE, exportsPerHour: e.USER_EXPORTS_PER_HOUR },
    metrics: { port: e.METRICS_PORT, host: e.METRICS_HOST, token: e.METRICS_TOKEN },
    notify: {
      encryptionKey,
      webhookHosts: webhookHosts.hosts,
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM,
      alertCheckMs: e.ALERT_CHECK_MINUTES * 60_000,
      tickMs: e.NOTIFY_TICK_SECONDS * 1000,
      keyFile: resolve(e.DATA_DIR, "notify-encryption.key"),
    },
    ...auth,
  };
}
