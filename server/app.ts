import express, { type Express } from "express";
import helmet from "helmet";
import { createApiRouter, type ApiDeps } from "./http/api-router";
import { errorHandler, notFound } from "./http/errors";
import { requestLog } from "./http/request-log";
import { createSpaHandler } from "./http/spa";
import type { Logger } from "./logger";

export interface AppDeps extends ApiDeps {
  logger: Logger;
  distDir: string;
}

/** Builds the dashboard's Express app; listening is the entry file's job. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("case sensitive routing", true);
  app.set("strict routing", true);
  app.set("query parser", "simple");
  app.set("etag", false);
  app.use(requestLog(deps.logger));
  // JSON answers need no page policies; they get nosniff and no-store in the API router.
  app.use("/api", createApiRouter(deps));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "default-src": ["'self'"],
          // Avatars arrive as data: URLs (simulator) or from the vendor's https image hosts.
          "img-src": ["'self'", "data:", "https:"],
          "style-src": ["'self'", "'unsafe-inline'"],
          "connect-src": ["'self'"],
          "frame-ancestors": ["'none'"],
          // Plain http on loopback is the demo's normal case: never rewrite asset URLs to https.
          "upgrade-insecure-requests": null,
        },
      },
    }),
  );
  app.use(createSpaHandler(deps.distDir));
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
