import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import type { HealthAnswer, ReadyAnswer, SignInRequired } from "#contract/dashboard-api";
import { auditQuerySchema, downloadQuerySchema, trendWindowQuerySchema, upcomingBirthdaysListQuerySchema, upcomingBirthdaysQuerySchema } from "#contract/query";
import { scopeOfQuery } from "#contract/channel-scope";
import { UPSTREAM_ROUTES } from "#contract/routes";
import { toValidationErrorBody } from "#contract/validation-errors";
import type { ZodType } from "zod";
import type { AccessGuard } from "./access/access-guard";
import type { Capability } from "./access/roles";
import { auditFilters } from "./audit/audit-filters";
import type { AuditLog } from "./audit/audit-log";
import { createAuditRoutes } from "./audit/audit-routes";
import { createViewDedupe } from "./audit/view-dedupe";
import type { Authenticator } from "./auth/authenticator";
import { actorOf, type Viewer } from "./identity/principal";
import { createSessionRoute } from "./auth/session-route";
import type { AuthMode } from "./auth-config";
import { createBirthdayRoutes } from "./birthdays/birthday-routes";
import { birthdaysSource } from "./birthdays/birthday-source";
import { createDownloadHandler, type DownloadSources } from "./downloads/download-handler";
import type { DownloadLinks } from "./downloads/download-links";
import { createExportLinks } from "./downloads/export-links";
import { createExportHandler } from "./exports/create-export-handler";
import { storageSource } from "./exports/storage-source";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import type { TrendStore } from "./trends/trend-store";
import { eventImportSchema, eventInputSchema, eventPatchSchema, eventsQuerySchema } from "#contract/event-schemas";
import type { EventStore } from "./events/event-store";
import { createEventRoutes } from "./events/event-routes";
import { createChannelCheck } from "./events/channel-check";
import { createTrendWindowRoute } from "./trends/trend-window-route";
import type { UpstreamClient } from "./upstream/client";
import type { ApiHandler, RouteContext } from "./http/api-handler";
import type { AllowedHosts } from "./http/allowed-hosts";
import { narrowCatalog } from "./access/narrow-catalog";
import { createAccessRoutes } from "./access/access-routes";
import type { GrantStore } from "./access/grant-store";
import type { RequestStore } from "./access/request-store";
import { accessDecisionSchema, accessRequestInputSchema, accessRequestsQuerySchema, grantInputSchema, grantPatchSchema } from "#contract/grant-schemas";
import { CROSS_SITE_REFUSED, isSameOrigin } from "./http/request-guards";
import type { LimitResult, UserLimits } from "./http/user-limits";
import { createProxyHandler } from "./http/proxy-handler";
import { deliveriesQuerySchema, subscriptionInputSchema, subscriptionPatchSchema } from "#contract/notification-schemas";
import { emptyQuerySchema } from "#contract/query";
import type { NotifyService } from "./notify/notify-service";
import { createNotifyRoutes } from "./notify/notify-routes";
import type { OutboundPolicy } from "./notify/outbound";

export interface ApiDeps {
  /** Download links, in the database (bound to their creator, expiring). */
  downloads: DownloadLinks;
  /** Storage hosts export files may be fetched from (DYNAMO_STORAGE_HOSTS). */
  storageHosts: () => readonly string[];
  /** How long Storage may take to start answering. */
  headTimeoutMs: number;
  upstream: UpstreamClient;
  mode: "demo" | "live";
  auth: AuthMode;
  contact: string;
  /** Where a conversation opens in Dynamo (a template), told to the SPA in /api/session. */
  conversationUrl: string | null;
  authenticate: Authenticator;
  access: AccessGuard;
  audit: AuditLog;
  limits: UserLimits;
  metrics: Metrics;
  /** Whether this instance should get traffic (not draining, database and upstream reachable). */
  readiness: () => Promise<ReadyAnswer>;
  /** Host values and origins accepted; known once the server listens (local mode binds a port). */
  allowed: () => AllowedHosts;
  /** Digests and alerts: the service, where notifications may go, and the dashboard's address for links. */
  notify: NotifyService;
  notifyOutbound: OutboundPolicy;
  builtInOutbox: boolean;
  baseUrl: () => URL;
  /** The team's events on the charts. */
  events: EventStore;
  /** The long trends' settled windows, shared by the instances. */
  trendStore: TrendStore;
  /** Grants made in the Access view, and requests for access. */
  grants: GrantStore;
  requests: RequestStore;
  logger: Logger;
}

/**
 * One row of the API's route table: a path (exact, or with one `:param` segment), its method,
 * who may call it and its handler. `access` is checked here, once, for every row: "public"
 * rows answer anyone; every other row needs a signed-in viewer, and a capability row needs
 * that capability in the request's workspace (or, for rows not tied to one, in some workspace).
 */
type ApiRoute = { path: string; param?: RegExp; method: "GET" | "POST" | "PATCH" | "DELETE" } & (
  | { access: "public"; handler: (req: Request, res: Response, viewer: Viewer | undefined) => void | Promise<void> }
  /** `schema`: the route's parameters (the contract's), parsed before anything else reads them. */
  | {
      access: "signed-in" | Capability;
      schema: ZodType<Record<string, unknown>, unknown>;
      handler: ApiHandler;
      /** Creates a file: counted against the person's exports too. */
      export?: boolean;
      /** A POST whose path says everything: no body is fine. */
      bodyOptional?: boolean;
    }
);

function routeTable(deps: ApiDeps): ApiRoute[] {
  const startedAt = Date.now();
  const catalog = narrowCatalog(deps.access);
  const audit = createAuditRoutes({ audit: deps.audit, scopeOf: (viewer) => deps.access.auditScope(viewer) });
  const views = createViewDedupe();
  /** A personal-data list seen: from the parsed parameters (the pipeline refused anything else). */
  const auditViewed = async ({ viewer, forward, scope }: RouteContext, route: string) => {
    if (!scope) throw new Error(`${route} is audited as a personal-data list but has no channel`);
    const actor = actorOf(viewer.principal);
    const details = { route, filters: auditFilters(forward) };
    const { workspaceId, channelId } = scope;
    const key = JSON.stringify([actor, workspaceId, channelId, details]);
    if (!views.isNew(key)) return;
    await deps.audit.record({ actor, action: "personal_data_viewed", workspaceId, channelId, details });
  };
  // One export-link service, whatever makes the file; the downloads' sources plugged in here.
  const issueLink = createExportLinks({ downloads: deps.downloads, audit: deps.audit });
  const exportDeps = { upstream: deps.upstream, issueLink, storageHosts: deps.storageHosts };
  const sources: DownloadSources = { storage: (download) => storageSource(deps, download), birthdays: (download) => birthdaysSource(deps, download) };
  const birthdays = createBirthdayRoutes({ upstream: deps.upstream, issueLink, auditViewed });
  const notify = createNotifyRoutes({
    notify: deps.notify,
    access: deps.access,
    upstream: deps.upstream,
    outbound: deps.notifyOutbound,
    baseUrl: deps.baseUrl,
    pendingAccessRequests: (workspaceId) => deps.requests.pendingCount(workspaceId),
  });
  const SUBSCRIPTION = /^[0-9a-f-]{36}$/;
  const UUID = SUBSCRIPTION;
  const events = createEventRoutes({ events: deps.events, access: deps.access, audit: deps.audit, channelIn: createChannelCheck(deps.upstream) });
  const access = createAccessRoutes({ grants: deps.grants, requests: deps.requests, access: deps.access, audit: deps.audit, contact: deps.contact });
  const GRANT_ID = /^(?:[0-9a-f-]{36}|policy-\d{1,6})$/;
  const r = UPSTREAM_ROUTES;
  return [
    { path: r.workspaces.path, method: "GET", access: "signed-in", schema: r.workspaces.query, handler: createProxyHandler(r.workspaces, deps.upstream, { narrow: catalog.workspaces }) },
    { path: r.channels.path, method: "GET", access: "signed-in", schema: r.channels.query, handler: createProxyHandler(r.channels, deps.upstream, { narrow: catalog.channels }) },
    {
      path: r.vipUsers.path,
      method: "GET",
      access: "personal-data",
      schema: r.vipUsers.query,
      handler: createProxyHandler(r.vipUsers, deps.upstream, { afterSuccess: (ctx) => auditViewed(ctx, "/api/vip-users") }),
    },
    {
      path: r.vipMessages.path,
      method: "GET",
      access: "personal-data",
      schema: r.vipMessages.query,
      handler: createProxyHandler(r.vipMessages, deps.upstream, { afterSuccess: (ctx) => auditViewed(ctx, "/api/vip-messages") }),
    },
    { path: r.labelOverview.path, method: "GET", access: "overview", schema: r.labelOverview.query, handler: createProxyHandler(r.labelOverview, deps.upstream) },
    {
      path: "/label-trends/window",
      method: "GET",
      access: "overview",
      schema: trendWindowQuerySchema,
      handler: createTrendWindowRoute({ upstream: deps.upstream, store: deps.trendStore, logger: deps.logger }),
    },
    { path: r.vipUsersExport.path, method: "POST", access: "export", export: true, schema: r.vipUsersExport.query, handler: createExportHandler(r.vipUsersExport, exportDeps) },
    { path: r.vipMessagesExport.path, method: "POST", access: "export", export: true, schema: r.vipMessagesExport.query, handler: createExportHandler(r.vipMessagesExport, exportDeps) },
    { path: "/birthdays/upcoming", method: "GET", access: "personal-data", schema: upcomingBirthdaysListQuerySchema, handler: birthdays.list },
    { path: "/birthdays/export", method: "POST", access: "export", export: true, schema: upcomingBirthdaysQuerySchema, handler: birthdays.createExport },
    { path: "/downloads/:token", param: /^[A-Za-z0-9_-]{20,100}$/, method: "GET", access: "export", schema: downloadQuerySchema, handler: createDownloadHandler({ ...deps, sources }) },
    { path: "/audit", method: "GET", access: "audit", schema: auditQuerySchema, handler: audit.list },
    { path: "/audit/export", method: "GET", access: "audit", schema: auditQuerySchema, handler: audit.exportCsv },
    { path: "/events", method: "GET", access: "overview", schema: eventsQuerySchema, handler: events.list },
    { path: "/events", method: "POST", access: "events", schema: eventInputSchema, handler: events.create },
    { path: "/events/import", method: "POST", access: "events", schema: eventImportSchema, handler: events.importRows },
    { path: "/events/:id", param: UUID, method: "PATCH", access: "signed-in", schema: eventPatchSchema, handler: events.patch },
    { path: "/events/:id", param: UUID, method: "DELETE", access: "signed-in", schema: emptyQuerySchema, handler: events.remove },
    { path: "/subscriptions", method: "GET", access: "signed-in", schema: emptyQuerySchema, handler: notify.list },
    { path: "/subscriptions", method: "POST", access: "overview", schema: subscriptionInputSchema, handler: notify.create },
    { path: "/subscriptions/preview", method: "POST", access: "overview", schema: subscriptionInputSchema, handler: notify.preview },
    { path: "/subscriptions/:id", param: SUBSCRIPTION, method: "PATCH", access: "signed-in", schema: subscriptionPatchSchema, handler: notify.patch },
    { path: "/subscriptions/:id", param: SUBSCRIPTION, method: "DELETE", access: "signed-in", schema: emptyQuerySchema, handler: notify.remove },
    { path: "/subscriptions/:id/send", param: SUBSCRIPTION, method: "POST", access: "signed-in", schema: emptyQuerySchema, bodyOptional: true, handler: notify.sendNow },
    { path: "/deliveries", method: "GET", access: "signed-in", schema: deliveriesQuerySchema, handler: notify.deliveries },
    { path: "/mailbox", method: "GET", access: "signed-in", schema: emptyQuerySchema, handler: notify.mailbox },
    { path: "/unsubscribe/:token", param: /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{20,100}$/, method: "GET", access: "public", handler: (req, res) => notify.unsubscribe(req, res) },
    { path: "/unsubscribe/:token", param: /^[0-9a-f-]{36}\.[A-Za-z0-9_-]{20,100}$/, method: "POST", access: "public", handler: (req, res) => notify.unsubscribe(req, res) },
    { path: "/grants", method: "GET", access: "access", schema: emptyQuerySchema, handler: access.listGrants },
    { path: "/grants", method: "POST", access: "access", schema: grantInputSchema, handler: access.createGrant },
    { path: "/grants/:id", param: GRANT_ID, method: "PATCH", access: "access", schema: grantPatchSchema, handler: access.patchGrant },
    { path: "/grants/:id", param: GRANT_ID, method: "DELETE", access: "access", schema: emptyQuerySchema, handler: access.revokeGrant },
    { path: "/access-requests", method: "GET", access: "access", schema: accessRequestsQuerySchema, handler: access.listRequests },
    // Anyone signed in may ask, a person with no grant at all included: that is who asks.
    { path: "/access-requests", method: "POST", access: "signed-in", schema: accessRequestInputSchema, handler: access.ask },
    { path: "/access-requests/:id/decision", param: UUID, method: "POST", access: "access", schema: accessDecisionSchema, handler: access.decide },
    { path: "/access-requests/:id/dismiss", param: UUID, method: "POST", access: "signed-in", schema: emptyQuerySchema, bodyOptional: true, handler: access.dismiss },
    { path: "/session", method: "GET", access: "public", handler: createSessionRoute(deps) },
    {
      path: "/ready",
      method: "GET",
      access: "public",
      handler: async (_req, res) => {
        const answer = await deps.readiness();
        res.status(answer.ready ? 200 : 503).json(answer);
      },
    },
    {
      path: "/health",
      method: "GET",
      access: "public",
      handler: (_req, res) => {
        const health: HealthAnswer = { status: "ok", mode: deps.mode, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
        res.json(health);
      },
    },
  ];
}

/** The value a row's one `:param` segment takes in `path`, when the rest matches exactly. */
function paramOf(route: ApiRoute, path: string): string | undefined {
  if (!route.param) return undefined;
  const want = route.path.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return undefined;
  let value: string | undefined;
  for (let i = 0; i < want.length; i++) {
    if (want[i]!.startsWith(":")) value = got[i];
    else if (want[i] !== got[i]) return undefined;
  }
  return value !== undefined && route.param.test(value) ? value : undefined;
}

/** The rows serving `path` (one per method), with the parameter's value when they have one. */
function matchRoute(table: readonly ApiRoute[], path: string): { routes: ApiRoute[]; param?: string } | undefined {
  const exact = table.filter((route) => !route.param && route.path === path);
  if (exact.length > 0) return { routes: exact };
  for (const route of table) {
    const value = paramOf(route, path);
    if (value !== undefined) return { routes: table.filter((r) => r.path === route.path), param: value };
  }
  return undefined;
}

const jsonBody = express.json({ limit: "16kb", strict: true });

/** A POST's parameters: a JSON object of strings, like a query string's. */
/** The validated parameters as given, each once (the schema refused repeats and unknown keys). */
function forwardOf(input: Record<string, unknown>): URLSearchParams {
  const forward = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) if (typeof value === "string") forward.append(key, value);
  return forward;
}

function readBody(req: Request, res: Response, optional: boolean): Promise<Record<string, unknown> | undefined> {
  // A POST that names everything in its path (Send now) may come without a body.
  if (optional && !req.headers["content-type"] && (req.headers["content-length"] === undefined || req.headers["content-length"] === "0")) return Promise.resolve({});
  if (!req.is("application/json")) {
    res.status(415).json({ message: "Send the parameters as a JSON object (Content-Type: application/json)." });
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    jsonBody(req, res, (error?: unknown) => {
      const body: unknown = req.body;
      if (error || typeof body !== "object" || body === null || Array.isArray(body)) {
        res.status(400).json({ message: "The request body must be a JSON object of parameters." });
        resolve(undefined);
      } else resolve(body as Record<string, unknown>);
    });
  });
}

/**
 * Everything under /api. Only the rows of the route table exist, matched exactly (case,
 * slashes and encoding included): anything else is a JSON 404, and a known path with another
 * method a 405. The upstream path comes from this table, never from the request.
 */
export function createApiRouter(deps: ApiDeps): RequestHandler {
  const table = routeTable(deps);
  const signInUrl = deps.auth.mode === "oidc" ? "/auth/login" : null;

  async function serve(req: Request, res: Response, route: ApiRoute, param: string | undefined) {
    const { viewer } = await deps.authenticate(req);
    if (route.access === "public") return route.handler(req, res, viewer);
    if (!viewer) {
      const body: SignInRequired = {
        message: signInUrl ? "You are not signed in, or your session has ended. Sign in to continue." : "The sign-in proxy did not vouch for this request. Reload the page to sign in again.",
        signInUrl,
      };
      res.status(401).json(body);
      return;
    }
    const changes = route.method !== "GET";
    if (changes && !isSameOrigin(req, deps.allowed().origins)) return void res.status(403).json(CROSS_SITE_REFUSED);
    // Parse: the route's own schema, the documented 400 for anything else (a repeated or
    // missing parameter included), before any decision reads a parameter.
    const input = route.method === "POST" || route.method === "PATCH" ? await readBody(req, res, route.bodyOptional === true) : (req.query as Record<string, unknown>);
    if (!input) return;
    const parsed = route.schema.safeParse(input);
    if (!parsed.success) return void res.status(400).json(toValidationErrorBody(parsed.error));
    const query = parsed.data;
    // Authorize on the parsed workspace: one id, checked, never a raw value or an array.
    if (route.access !== "signed-in") {
      const workspaceId = typeof query.workspaceId === "string" ? query.workspaceId : undefined;
      if (!deps.access.permits(viewer, route.access, workspaceId)) return deps.access.refuse(res, viewer, route.access, workspaceId);
    }
    // Limit: per person, then (creating a file) per person's exports.
    const limited = await deps.limits.request(viewer.principal.subject);
    if (!limited.ok) return tooMany(res, limited, "user-requests");
    if (route.export === true) {
      const exportLimit = await deps.limits.exportCreated(viewer.principal.subject);
      if (!exportLimit.ok) return tooMany(res, exportLimit, "user-exports");
    }
    return route.handler(req, res, { viewer, param, query, forward: forwardOf(input), scope: scopeOfQuery(query) });
  }

  function tooMany(res: Response, limit: Extract<LimitResult, { ok: false }>, reason: string) {
    deps.metrics.rateLimited.inc({ reason });
    res.setHeader("Retry-After", String(limit.retryAfterSeconds));
    res.status(429).json({ message: limit.message });
  }

  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    const match = matchRoute(table, req.path);
    if (!match) {
      res.locals.route = "/api/*";
      res.status(404).json({ message: "There is no such API route." });
      return;
    }
    const route = match.routes.find((candidate) => candidate.method === req.method);
    // The log names the template, never the raw path (a download token is not for logs).
    res.locals.route = `/api${match.routes[0]!.path}`;
    res.setHeader("Cache-Control", "no-store");
    if (!route) {
      const allow = match.routes.map((candidate) => candidate.method).join(", ");
      res.setHeader("Allow", allow);
      res.status(405).json({ message: `${req.method} is not allowed here; use ${allow}.` });
      return;
    }
    serve(req, res, route, match.param).catch(next);
  };
}
