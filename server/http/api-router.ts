import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { ApiHandler } from "./api-handler";
import type { HealthAnswer } from "#contract/dashboard-api";
import { UPSTREAM_ROUTES, type UpstreamRoute } from "#contract/routes";
import { createExportHandler, type ExportDeps } from "../exports/create-export-handler";
import { createDownloadHandler, type DownloadDeps } from "../exports/download-handler";
import type { UpstreamClient } from "../upstream/client";
import { createProxyHandler } from "./proxy-handler";

export interface ApiDeps extends ExportDeps, DownloadDeps {
  upstream: UpstreamClient;
  mode: "demo" | "live";
}

/** One row of the API's route table: a path (exact, or with one `:param` segment) and its handler. */
interface ApiRoute {
  path: string;
  /** For a path with a parameter: the parameter's form. */
  param?: RegExp;
  method: "GET";
  handler: ApiHandler;
}

function routeTable(deps: ApiDeps): ApiRoute[] {
  const startedAt = Date.now();
  const upstreamRoutes = (Object.values(UPSTREAM_ROUTES) as UpstreamRoute[]).map((route) => ({
    path: route.path,
    method: "GET" as const,
    handler: route.kind === "export" ? createExportHandler(route, deps) : createProxyHandler(route, deps.upstream),
  }));
  return [
    ...upstreamRoutes,
    { path: "/downloads/:token", param: /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, method: "GET", handler: createDownloadHandler(deps) },
    {
      path: "/health",
      method: "GET",
      handler: (_req, res) => {
        const health: HealthAnswer = { status: "ok", mode: deps.mode, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
        res.json(health);
      },
    },
  ];
}

/** The row serving `path`, with the parameter's value when the row has one. */
function matchRoute(table: readonly ApiRoute[], path: string): { route: ApiRoute; param?: string } | undefined {
  for (const route of table) {
    if (!route.param) {
      if (route.path === path) return { route };
      continue;
    }
    const prefix = route.path.slice(0, route.path.lastIndexOf("/") + 1);
    const value = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
    if (value !== undefined && route.param.test(value)) return { route, param: value };
  }
  return undefined;
}

/**
 * Everything under /api. Only the rows of the route table exist, matched exactly (case,
 * slashes and encoding included): anything else is a JSON 404, and a known path with another
 * method a 405. The upstream path comes from this table, never from the request.
 */
export function createApiRouter(deps: ApiDeps): RequestHandler {
  const table = routeTable(deps);
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    const match = matchRoute(table, req.path);
    if (!match) {
      res.locals.route = "/api/*";
      res.status(404).json({ message: "There is no such API route." });
      return;
    }
    // The log names the template, never the raw path (a download token is not for logs).
    res.locals.route = `/api${match.route.path}`;
    res.setHeader("Cache-Control", "no-store");
    if (req.method !== match.route.method) {
      res.setHeader("Allow", match.route.method);
      res.status(405).json({ message: `${req.method} is not allowed here; use ${match.route.method}.` });
      return;
    }
    return Promise.resolve(match.route.handler(req, res, match.param)).catch(next);
  };
}
