import { createServer, type Server } from "node:http";
import type { RequestHandler } from "express";
import type { Metrics } from "../metrics";
import { constantTimeEquals } from "../signing";

/**
 * GET /metrics on the main port, only with `Authorization: Bearer <METRICS_TOKEN>`; without a
 * token configured it does not exist there (404).
 */
export function metricsRoute(metrics: Metrics, token: string | undefined): RequestHandler {
  return async (req, res) => {
    res.locals.route = "/metrics";
    res.setHeader("Cache-Control", "no-store");
    if (!token) return void res.status(404).json({ message: "Not found." });
    if (!constantTimeEquals(req.headers.authorization ?? "", `Bearer ${token}`)) {
      res.setHeader("WWW-Authenticate", "Bearer");
      return void res.status(401).json({ message: "Metrics need the bearer token (METRICS_TOKEN)." });
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

/** /metrics alone on its own port (METRICS_PORT), for a scraper on a private network or loopback. */
export async function startMetricsServer(metrics: Metrics, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== "GET" || req.url !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  return server;
}
