import type { UpstreamRoute } from "#contract/routes";
import type { UpstreamClient } from "../upstream/client";
import type { ApiHandler } from "./api-handler";
import { mapOutcome } from "./map-outcome";
import { sendAnswer } from "./send-answer";
import { validateQuery } from "./validate-query";

/** A list route: validate, forward to the same upstream path, map the outcome. */
export function createProxyHandler(route: UpstreamRoute, upstream: UpstreamClient): ApiHandler {
  return async (req, res) => {
    const validated = validateQuery(route, req);
    if (!validated.ok) {
      res.status(400).json(validated.body);
      return;
    }
    const outcome = await upstream.get(route.path, validated.forward, route.kind);
    res.locals.attempts = outcome.attempts;
    sendAnswer(res, mapOutcome(outcome, route.response));
  };
}
