import express, { type Request, type RequestHandler, Router } from "express";
import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Serves the built SPA from `dist/public/`: hashed assets cached for a year, index.html never cached,
 * and every other GET that wants HTML answered with index.html (client-side routes).
 */
export function createSpaHandler(distDir: string, signInFirst?: (req: Request) => Promise<string | undefined>): RequestHandler {
  const router = Router();
  const index = join(distDir, "index.html");
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
    if (!existsSync(index)) {
      res.status(503).type("text/plain").send("The dashboard has not been built yet: run `npm run build`, then reload.");
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(index);
  });
  return router;
}
