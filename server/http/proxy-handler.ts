import type { UpstreamRoute } from "#contract/routes";
import type { Viewer } from "../identity/principal";
import type { UpstreamClient } from "../upstream/client";
import type { ApiHandler, RouteContext } from "./api-handler";
import { mapOutcome } from "./map-outcome";
import { sendAnswer } from "./send-answer";

export interface ProxyHooks {
  /** Narrows a successful answer to what the viewer may see (the workspace and channel lists). */
  narrow?: (body: unknown, viewer: Viewer) => unknown;
  /** Runs after a successful answer is chosen (the audit of personal-data lists), with the parsed parameters. */
  afterSuccess?: (ctx: RouteContext) => Promise<void>;
}

/**
 * A page the SPA expects to need soon (the next users page, a bar under the pointer) is asked
 * for with this header: the server fetches it into its cache and answers 204, so no personal
 * data leaves the server and nothing is audited as viewed until the page is really opened
 * (which the cache then answers at once).
 */
export const WARM_HEADER = "x-prefetch";

/** A list route: forward the validated parameters to the same upstream path, map the outcome. */
export function createProxyHandler(route: UpstreamRoute, upstream: UpstreamClient, hooks: ProxyHooks = {}): ApiHandler {
  return async (req, res, ctx) => {
    const { viewer, forward } = ctx;
    const outcome = await upstream.get(route.path, forward, route.kind);
    res.locals.attempts = outcome.attempts;
    const answer = mapOutcome(outcome, route.response);
    if (answer.status === 200) {
      if (req.get(WARM_HEADER) === "warm") return void res.status(204).end();
      await hooks.afterSuccess?.(ctx);
      if (hooks.narrow) return sendAnswer(res, { ...answer, body: hooks.narrow(answer.body, viewer), raw: undefined });
    }
    sendAnswer(res, answer);
  };
}
