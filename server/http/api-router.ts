import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { HealthAnswer } from "#contract/dashboard-api";
import { UPSTREAM_ROUTES, type UpstreamRoute } from "#contract/routes";
import { createDownloadHandler } from "../downloads/download-handler";
import { sendAnswer, type ApiDeps } from "./api-deps";
import { createExportHandler } from "./export-handler";
import { mapOutcome } from "./outcome-mapping";
import { checkQuery } from "./query-forwarding";

function createProxyHandler(route: UpstreamRoute, deps: ApiDeps): RequestHandler {
  return async (req, res) => {
    const checked = checkQuery(route, req);
    if (!checked.ok) {
      res.status(400).json(checked.body);
      return;
    }
    const outcome = await deps.upstream.get(route.path, checked.forward, route.kind);
    res.locals.attempts = outcome.attempts;
    sendAnswer(res, mapOutcome(outcome, route.response));
  };
}

const DOWNLOAD_PATH = /^\/downloads\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Everything under /api. Only the paths below exist, matched exactly (case, slashes and
 * encoding included): anything else is a JSON 404, and a known path with another method a 405.
 * The upstream path comes from this table, never from the request.
 */
export function createApiRouter(deps: ApiDeps): RequestHandler {
  const handlers = new Map<string, RequestHandler>();
  for (const route of Object.values(UPSTREAM_ROUTES) as UpstreamRoute[]) {
    handlers.set(route.path, route.kind === "export" ? createExportHandler(route, deps) : createProxyHandler(route, deps));
  }
  const startedAt = Date.now();
  handlers.set("/health", (_req, res) => {
    const health: HealthAnswer = { status: "ok", mode: deps.mode, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
    res.json(health);
  });
  const download = createDownloadHandler(deps);

  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    const path = req.path;
    const token = DOWNLOAD_PATH.exec(path)?.[1];
    const handler = handlers.get(path);
    if (!handler && token === undefined) {
      res.locals.route = "/api/*";
      res.status(404).json({ message: "There is no such API route." });
      return;
    }
    res.locals.route = token === undefined ? `/api${path}` : "/api/downloads/:token";
    res.setHeader("Cache-Control", "no-store");
    if (req.method !== "GET") {
      res.setHeader("Allow", "GET");
      res.status(405).json({ message: `${req.method} is not allowed here; use GET.` });
      return;
    }
    if (token !== undefined) return download(req, res, token).catch(next);
    return (handler as RequestHandler)(req, res, next);
  };
}
