import type { RequestHandler } from "express";
import { randomUUID } from "node:crypto";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";

const SAFE_REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * One log line per request: id, method, route (a template, never the raw URL, whose query or
 * download token is not for logs), status, upstream status and attempts, latency.
 */
export function requestLog(logger: Logger, metrics?: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const given = req.get("x-request-id");
    const requestId = given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    // "close" comes after "finish", and also when the client goes away first: one line either way.
    res.once("close", () => {
      const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
      const route = (res.locals.route as string | undefined) ?? "static";
      metrics?.requests.inc({ route, method: req.method, status: String(res.statusCode) });
      metrics?.latency.observe({ route }, latencyMs / 1000);
      logger.info(
        {
          requestId,
          method: req.method,
          route: res.locals.route ?? "static",
          status: res.statusCode,
          upstreamStatus: res.locals.upstreamStatus,
          attempts: res.locals.attempts,
          latencyMs: Math.round(latencyMs * 10) / 10,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        "request",
      );
    });
    next();
  };
}
