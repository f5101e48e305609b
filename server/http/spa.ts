import express, { type Request, type RequestHandler, Router } from "express";
import { join } from "node:path";
import { createSpaPages } from "./spa-pages";

/**
 * Serves the built SPA from `dist/public/`: hashed assets cached for a year, index.html never cached,
 * and every other GET that wants HTML answered with index.html (client-side routes), naming the
 * view's own chunks for the browser to fetch at once (spa-pages.ts).
 */
export function createSpaHandler(distDir: string, signInFirst?: (req: Request) => Promise<string | undefined>): RequestHandler {
  const router = Router();
  const pages = createSpaPages(distDir);
  router.use(
    "/assets",
    express.static(join(distDir, "assets"), {
      immutable: true,
      maxAge: "1y",
      index: false,
      fallthrough: false,
    }),
  );
  router.use(express.static(distDir, { index: false, maxAge: "1h" }));
  router.use(async (req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !req.accepts("html")) return next();
    // Signed out with the dashboard's own sign-in: straight to it, with the way back, rather
    // than load the app only for its first calls to answer 401 and send the browser there.
    const signIn = await signInFirst?.(req);
    if (signIn) {
      res.setHeader("Cache-Control", "no-store");
      return res.redirect(302, signIn);
    }
    const page = pages.pageFor(req.path);
    if (page === undefined) {
      res.status(503).type("text/plain").send("The dashboard has not been built yet: run `npm run build`, then reload.");
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("ETag", page.etag);
    if (req.fresh) return res.status(304).end();
    res.type("html").send(page.html);
  });
  return router;
}
