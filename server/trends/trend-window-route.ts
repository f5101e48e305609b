import { trendWindowOf } from "#contract/query";
import { UPSTREAM_ROUTES } from "#contract/routes";
import { isSettled } from "#contract/trend-windows";
import type { ApiHandler } from "../http/api-handler";
import { mapOutcome } from "../http/map-outcome";
import { sendAnswer } from "../http/send-answer";
import type { Logger } from "../logger";
import type { UpstreamClient } from "../upstream/client";
import type { TrendStore } from "./trend-store";

export interface TrendWindowRouteDeps {
  upstream: UpstreamClient;
  store: TrendStore;
  logger: Logger;
  now?: () => number;
}

/** Tells the page (and tests) where a window's answer came from. */
export const TREND_SOURCE_HEADER = "X-Trend-Window";

/**
 * GET /api/label-trends/window: one window of a long trend. A settled window (whole, ended two
 * days ago) is answered from the application database when any instance stored it; otherwise
 * it is asked of the upstream (through the API key's budget, like every call) and, once
 * settled, stored. The answer is the upstream's overview of the window, as validated.
 */
export function createTrendWindowRoute(deps: TrendWindowRouteDeps): ApiHandler {
  const now = deps.now ?? Date.now;
  const route = UPSTREAM_ROUTES.labelOverview;
  return async (_req, res, ctx) => {
    const q = ctx.query as { workspaceId: string; mediumId: string; from: string; to: string; granularity?: "day" | "week" };
    // The schema refused any span the plan would not make, so there is a window here.
    const window = trendWindowOf(q)!;
    const key = { workspaceId: q.workspaceId, channelId: q.mediumId, window };
    const settled = isSettled(window, now());
    if (settled) {
      const stored = await deps.store.get(key).catch((error: unknown) => {
        deps.logger.warn({ err: { message: (error as Error).message } }, "stored trend window could not be read; asking the upstream");
        return undefined;
      });
      if (stored !== undefined) {
        res.setHeader(TREND_SOURCE_HEADER, "stored");
        res.type("application/json").end(stored);
        return;
      }
    }
    const forward = new URLSearchParams({
      workspaceId: q.workspaceId,
      mediumId: q.mediumId,
      from: new Date(window.fromMs).toISOString(),
      to: new Date(window.toMs).toISOString(),
      granularity: window.granularity,
    });
    const outcome = await deps.upstream.get(route.path, forward, route.kind);
    res.locals.attempts = outcome.attempts;
    const answer = mapOutcome(outcome, route.response);
    if (answer.status === 200 && settled) {
      const body = answer.raw ? answer.raw.toString("utf8") : JSON.stringify(answer.body);
      // Not storing costs a call next time, never a wrong number: the page is answered anyway.
      await deps.store.put(key, body).catch((error: unknown) => deps.logger.warn({ err: { message: (error as Error).message } }, "trend window could not be stored"));
    }
    res.setHeader(TREND_SOURCE_HEADER, "fetched");
    sendAnswer(res, answer);
  };
}
