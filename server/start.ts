import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, dirname, resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { createAccessGuard } from "./access/access-guard";
import { createApp } from "./app";
import { createAuditLog } from "./audit/audit-log";
import { createAuthenticator } from "./auth/authenticator";
import { createGrantResolver } from "./access/grant-resolver";
import { createGrantStore } from "./access/grant-store";
import { createRequestStore } from "./access/request-store";
import { createNotifyService } from "./notify/notify-service";
import { demoKey } from "./notify/secret-box";
import { createOidcSignIn } from "./auth/oidc-sign-in";
import { createSessionCookie } from "./auth/session-cookie";
import { createSessionStore } from "./auth/session-store";
import type { Config } from "./config";
import { openDatabase, type AppDatabase } from "./db/open-database";
import { createDownloadLinks } from "./downloads/download-links";
import { allowedHostsFor, type AllowedHosts } from "./http/allowed-hosts";
import { createDrain } from "./http/drain";
import { startMetricsServer } from "./http/metrics-route";
import { createUserLimits } from "./http/user-limits";
import { createLogger, type Logger } from "./logger";
import { createMetrics, type Metrics } from "./metrics";
import { createReadiness } from "./readiness";
import { startSimulator, type Simulator } from "./simulator/index";
import { createBudget } from "./upstream/budget";
import { createSharedBudget } from "./upstream/shared-budget";
import { createTrendStore, trendSource } from "./trends/trend-store";
import { createEventStore } from "./events/event-store";
import { createUpstreamClient } from "./upstream/client";
import { createGateway } from "./upstream/gateway";

export interface RunningDashboard {
  url: string;
  server: Server;
  logger: Logger;
  database: AppDatabase;
  /** The embedded simulator in demo mode. */
  simulator: Simulator | undefined;
  metrics: Metrics;
  /** Where the separate metrics listener answers, when METRICS_PORT is set. */
  metricsUrl: string | undefined;
  /**
   * Stops accepting, turns readiness to 503, lets in-flight requests finish with
   * `Connection: close` (up to `graceMs`, downloads included), then closes.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * The built SPA: dist/public, beside the compiled server in dist/server (only the SPA's folder
 * is served, never the server's). From the sources, server/ sits beside dist/.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_DIST_DIR = basename(dirname(here)) === "dist" ? resolvePath(here, "../public") : resolvePath(here, "../dist/public");

/** How often ended sessions, old download links and audit rows past retention are removed. */
const MAINTENANCE_EVERY_MS = 6 * 3_600_000;

/**
 * Starts the dashboard: against the real API when configured, otherwise against an embedded
 * simulator with a freshly generated key and secret, signed exactly as the real API would be.
 */
export async function startDashboard(
  config: Config,
  options: { logger?: Logger; distDir?: string; database?: AppDatabase } = {},
): Promise<RunningDashboard> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = options.database ?? (await openDatabase(config.database));
  const simulator = config.live ? undefined : await startSimulator({ seed: config.demoSeed, warm: true, routeLatencyMs: config.demoLatencyMs, clockOffsetMs: config.demoClockOffsetMs, scale: config.demoScale });
  const target = config.live ?? {
    baseUrl: new URL((simulator as Simulator).url),
    apiKey: (simulator as Simulator).apiKey,
    apiSecret: (simulator as Simulator).apiSecret,
    storageHosts: [(simulator as Simulator).host],
  };
  const { db } = database;
  const metrics = createMetrics();
  const client = createUpstreamClient({ ...target, timeouts: config.timeouts });
  // On PostgreSQL the instances share the key's budget; alone (PGlite) one is kept in memory.
  const sharedBudget = database.pgPool ? createSharedBudget(database.pgPool, config.budget) : undefined;
  const budget = sharedBudget ?? createBudget(config.budget);
  const upstream = createGateway(client, {
    cacheMaxBytes: config.cache.maxBytes,
    cacheTtlMs: config.cache.ttlMs,
    settledTtlMs: config.cache.settledTtlMs,
    budget,
    metrics,
  });
  const audit = createAuditLog(db, logger);
  const sessions = createSessionStore(db, { idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs });
  const cookie = createSessionCookie(config.publicUrl, config.sessionMaxMs);
  const downloads = createDownloadLinks(db, { ttlMs: config.downloadLinkTtlMs });
  const access = createAccessGuard({ contact: config.contact, audit });
  const grants = createGrantStore(db, config.policy);
  const requests = createRequestStore(db);
  const grantsOf = createGrantResolver({ auth: config.auth, policy: config.policy, store: grants });
  const oidc =
    config.auth.mode === "oidc" && config.publicUrl
      ? createOidcSignIn({ mode: config.auth, publicUrl: config.publicUrl, db, sessions, cookie, audit, logger })
      : undefined;
  let allowed: AllowedHosts = { hosts: new Set(), origins: new Set() };
  let localUrl = `http://${config.host}:${config.port}`;
  // Links in notifications: the public address when there is one, else where this server listens.
  const baseUrl = () => config.publicUrl ?? new URL(localUrl);
  const notifyOutbound = { hosts: config.notify.webhookHosts };
  const notify = createNotifyService({
    db,
    key: config.notify.encryptionKey ?? (await demoKey(config.notify.keyFile)),
    upstream,
    audit,
    logger,
    grantsOf,
    pendingAccessRequests: (workspaceId) => requests.pendingCount(workspaceId),
    baseUrl,
    outbound: notifyOutbound,
    smtpUrl: config.notify.smtpUrl,
    mailFrom: config.notify.mailFrom,
    tickMs: config.notify.tickMs,
    alertCheckMs: config.notify.alertCheckMs,
    onOutcome: (type, outcome) => metrics.notifications.inc({ type, outcome }),
  });
  const drain = createDrain();
  const app = createApp({
    drain,
    metrics,
    metricsToken: config.metrics.token,
    limits: createUserLimits({ ...config.userLimits, pgPool: database.pgPool }),
    // Readiness asks the API itself: a cached answer would say "reachable" after it stopped being.
    readiness: createReadiness({ drain, database, upstream: client }),
    logger,
    distDir: options.distDir ?? DEFAULT_DIST_DIR,
    upstream,
    mode: config.live ? "live" : "demo",
    auth: config.auth,
    contact: config.contact,
    conversationUrl: config.conversationUrl,
    authenticate: createAuthenticator({ auth: config.auth, grantsOf, sessions, cookie }),
    access,
    audit,
    downloads,
    storageHosts: () => target.storageHosts,
    headTimeoutMs: config.timeouts.exportAttemptMs,
    allowed: () => allowed,
    defaultPort: config.publicUrl?.protocol === "https:" ? "443" : "80",
    oidc,
    notify,
    notifyOutbound,
    builtInOutbox: config.notify.smtpUrl === undefined,
    baseUrl,
    events: createEventStore(db),
    grants,
    requests,
    trendStore: createTrendStore(db, { source: trendSource(target.baseUrl.href, target.apiKey), retentionDays: config.trendRetentionDays }),
  });

  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { address, port } = server.address() as AddressInfo;
  allowed = allowedHostsFor(config, port);
  const url = `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
  localUrl = url;
  notify.start();
  const metricsServer = config.metrics.port === undefined ? undefined : await startMetricsServer(metrics, config.metrics.port, config.metrics.host);
  metrics.countSessions(async () => {
    const row = await db.selectFrom("sessions").select((eb) => eb.fn.countAll<string>().as("n")).where("expires_at", ">", new Date()).executeTakeFirst();
    return Number(row?.n ?? 0);
  });

  const maintain = async () => {
    try {
      await sessions.prune();
      await downloads.prune();
      const pruned = await audit.prune(config.auditRetentionDays);
      if (pruned > 0) logger.info({ pruned, retentionDays: config.auditRetentionDays }, "audit rows past retention removed");
    } catch (error) {
      logger.error({ err: { message: (error as Error).message } }, "database maintenance failed");
    }
  };
  void maintain();
  const maintenance = setInterval(() => void maintain(), MAINTENANCE_EVERY_MS);
  maintenance.unref();

  let closing: Promise<void> | undefined;
  const close = (graceMs = config.shutdownGraceMs) =>
    (closing ??= (async () => {
      clearInterval(maintenance);
      await notify.stop();
      drain.start();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections go idle as their last response finishes: close each as it does.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const force = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(force);
      await audit.flush();
      // Slots this instance holds go back to the other instances now, not when their leases end.
      await sharedBudget?.close();
      await simulator?.close();
      await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
      if (!options.database) await database.close();
    })());

  return { url, server, logger, database, simulator, metrics, metricsUrl: metricsServer ? `http://${config.metrics.host}:${(metricsServer.address() as AddressInfo).port}/metrics` : undefined, close };
}
