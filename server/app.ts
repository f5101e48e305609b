import express, { type Express, type Request, type Response } from "express";
import helmet from "helmet";
import type { OidcSignIn } from "./auth/oidc-sign-in";
import { createApiRouter, type ApiDeps } from "./api-routes";
import type { Drain } from "./http/drain";
import { errorHandler, notFound } from "./http/errors";
import { metricsRoute } from "./http/metrics-route";
import { requestLog } from "./http/request-log";
import { CROSS_SITE_REFUSED, hostCheck, isSameOrigin } from "./http/request-guards";
import { createSpaHandler } from "./http/spa";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";

export interface AppDeps extends ApiDeps {
  logger: Logger;
  metrics: Metrics;
  /** Bearer token for GET /metrics on this port; undefined: /metrics is not served here. */
  metricsToken: string | undefined;
  drain: Drain;
  distDir: string;
  /** The Host header's default port, which a browser may leave out ("443" behind https). */
  defaultPort: string;
  oidc: OidcSignIn | undefined;
}

/** Builds the dashboard's Express app; listening is the entry file's job. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("case sensitive routing", true);
  app.set("strict routing", true);
  app.set("query parser", "simple");
  app.set("etag", false);
  app.use(requestLog(deps.logger, deps.metrics));
  app.use(deps.drain.middleware);
  // Before anything else reads the request: a foreign Host (DNS rebinding) never reaches a route.
  app.use(hostCheck(() => deps.allowed().hosts, deps.defaultPort));
  app.get("/metrics", metricsRoute(deps.metrics, deps.metricsToken));
  // JSON answers need no page policies; they get nosniff and no-store in the API router.
  app.use("/api", createApiRouter(deps));
  app.use("/auth", authRoutes(deps));
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
          // The sign-out form posts here, then the provider's end-session page takes over.
          "form-action": ["'self'", "https:", "http:"],
          // Plain http on loopback is the demo's normal case: never rewrite asset URLs to https.
          "upgrade-insecure-requests": null,
        },
      },
      // No URL (they carry filters) goes to other sites, but our own forms keep their Origin:
      // with "no-referrer" a same-origin POST would say "Origin: null" and fail the origin check.
      referrerPolicy: { policy: "same-origin" },
    }),
  );
  app.use(
    createSpaHandler(
      deps.distDir,
      deps.oidc
        ? async (req) => ((await deps.authenticate(req)).viewer ? undefined : `/auth/login?returnTo=${encodeURIComponent(req.originalUrl)}`)
        : undefined,
    ),
  );
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}

/** /auth/login, /auth/callback and /auth/logout: only with AUTH_MODE=oidc. */
function authRoutes(deps: AppDeps) {
  const router = express.Router();
  const { oidc } = deps;
  const route = (name: string) => (_req: Request, res: Response, next: () => void) => {
    res.locals.route = `/auth/${name}`;
    next();
  };
  if (oidc) {
    router.get("/login", route("login"), oidc.login);
    router.get("/callback", route("callback"), oidc.callback);
    router.post("/logout", route("logout"), async (req, res) => {
      if (!isSameOrigin(req, deps.allowed().origins)) return void res.status(403).json(CROSS_SITE_REFUSED);
      const { session } = await deps.authenticate(req);
      await oidc.logout(res, session);
    });
  }
  router.use((_req, res) => {
    res.locals.route ??= "/auth/*";
    res.status(404).json({ message: oidc ? "There is no such sign-in route." : "This dashboard has no sign-in of its own (AUTH_MODE is not oidc)." });
  });
  return router;
}
