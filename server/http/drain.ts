import type { RequestHandler, Response } from "express";

/**
 * Graceful shutdown, request by request: once draining starts, every response still to be
 * written says `Connection: close` (keep-alive clients reconnect elsewhere instead of meeting
 * a reset), and readiness answers 503 so the load balancer stops sending traffic.
 */
export function createDrain() {
  let draining = false;
  const inFlight = new Set<Response>();
  const middleware: RequestHandler = (_req, res, next) => {
    if (draining) res.setHeader("Connection", "close");
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    next();
  };
  return {
    middleware,
    get draining() {
      return draining;
    },
    /** Marks every in-flight response still without headers to close its connection. */
    start() {
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
    },
  };
}

export type Drain = ReturnType<typeof createDrain>;
