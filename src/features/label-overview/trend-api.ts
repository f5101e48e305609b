import { queryOptions } from "@tanstack/react-query";
import { DAY_MS } from "#contract/assumptions";
import { utcDay } from "#contract/dates";
import type { LabelOverview } from "#contract/responses";
import type { TrendWindow } from "#contract/trend-windows";
import { apiGet, isApiError } from "../../lib/api-client";

/**
 * One window of a long trend, from our server's GET /api/label-trends/window (stored there once
 * settled). A 12-month view asks for a few dozen; the studio's API key has one budget for every
 * manager, so the page keeps at most two in flight and waits its turn when the server says so
 * (429 with Retry-After) instead of showing the refusal: a first fill under a tight budget is
 * slower, never broken.
 */
const MAX_IN_FLIGHT = 2;
/** A window refused for the budget is asked again this many times, after the server's Retry-After. */
const BUDGET_RETRIES = 8;

let inFlight = 0;
const waiting: (() => void)[] = [];

/** Waits for one of the in-flight places (in the order asked), or rejects when `signal` aborts first. */
function takePlace(signal: AbortSignal): Promise<() => void> {
  const release = () => {
    inFlight -= 1;
    waiting.shift()?.();
  };
  if (inFlight < MAX_IN_FLIGHT) {
    inFlight += 1;
    return Promise.resolve(release);
  }
  return new Promise((resolve, reject) => {
    const go = () => {
      signal.removeEventListener("abort", abort);
      inFlight += 1;
      resolve(release);
    };
    const abort = () => {
      waiting.splice(waiting.indexOf(go), 1);
      reject(signal.reason);
    };
    waiting.push(go);
    signal.addEventListener("abort", abort, { once: true });
  });
}

export interface TrendWindowParams {
  workspaceId: string;
  channelId: string;
  window: TrendWindow;
}

/** The query string of a window: calendar days, `to` inclusive, as the route's schema reads it. */
const windowParams = ({ workspaceId, channelId, window }: TrendWindowParams) => ({
  workspaceId,
  channelId,
  from: utcDay(window.fromMs),
  to: utcDay(window.toMs - DAY_MS),
  granularity: window.granularity,
});

export const trendWindowQuery = (params: TrendWindowParams) =>
  queryOptions({
    queryKey: ["label-trend-window", windowParams(params)] as const,
    queryFn: async ({ signal }) => {
      const release = await takePlace(signal);
      try {
        return await apiGet<LabelOverview>("/label-trends/window", windowParams(params), signal);
      } finally {
        release();
      }
    },
    // A settled window does not change; the running month is asked again when the view is.
    staleTime: 5 * 60_000,
    retry: (failures, error) => (isApiError(error) && error.status === 429 && failures < BUDGET_RETRIES) || (isApiError(error) && error.status === 0 && failures < 1),
    retryDelay: (_failures, error) => (isApiError(error) && error.retryAfterMs !== undefined ? error.retryAfterMs : 1000),
  });
