import type { z } from "zod";
import { messageErrorBodySchema, validationErrorBodySchema } from "#contract/responses";
import { firstHeaderValue } from "../header-value";
import type { UpstreamOutcome } from "../upstream/client";

/** What we answer the browser: a status, a JSON body and any headers worth passing on. */
export interface ProxyAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  upstreamStatus?: number;
  /**
   * The upstream's own bytes for `body`. Validation neither strips nor changes fields, so
   * the validated body and these bytes say the same: sending them saves a re-serialization.
   */
  raw?: Buffer;
}

/** Upstream bodies that passed their schema (weakly held: they go when the cache drops them). */
const validated = new WeakSet<Buffer>();

export const CREDENTIALS_REJECTED =
  "The Dynamo API rejected this dashboard's API credentials. Check DYNAMO_API_KEY and DYNAMO_API_SECRET on the server (and that its clock is right).";

function upstreamMessage(json: unknown): string | undefined {
  const parsed = messageErrorBodySchema.safeParse(json);
  return parsed.success ? parsed.data.message.slice(0, 300) : undefined;
}

function describeMismatch(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first?.path.length ? first.path.join(".") : "the body";
  return `${where}: ${first?.message ?? "unexpected shape"}`;
}

/**
 * Maps an upstream outcome onto our answer. 401 never reaches the browser as 401 (it would
 * read as its own login failing): it is our credentials or clock, so it is a 502 that says so.
 */
export function mapOutcome(outcome: UpstreamOutcome, schema: z.ZodType): ProxyAnswer {
  if (outcome.kind === "timeout") {
    const seconds = Math.round(outcome.deadlineMs / 1000);
    return { status: 504, body: { message: `The Dynamo API did not answer within ${seconds} s. Try again in a moment.` } };
  }
  if (outcome.kind === "too-large") {
    const mib = Math.round(outcome.limitBytes / 1024 / 1024);
    return {
      status: 502,
      body: { message: `The Dynamo API sent an answer larger than ${mib} MiB, which the dashboard does not accept. Ask for less (a shorter window or a smaller page).` },
    };
  }
  if (outcome.kind === "budget") {
    const seconds = Math.max(1, Math.ceil(outcome.retryAfterMs / 1000));
    return {
      status: 429,
      body: { message: `This dashboard is using its whole request budget for the Dynamo API key right now. Try again in ${seconds} s.` },
      headers: { "Retry-After": String(seconds) },
    };
  }
  if (outcome.kind === "network") {
    return { status: 502, body: { message: `Could not reach the Dynamo API (${outcome.code}). Try again in a moment.` } };
  }
  const { status } = outcome;
  const base = { upstreamStatus: status };
  if (status >= 200 && status < 300) {
    // A cached answer comes back as the same bytes: validated once, trusted after. Its body is
    // read only by a caller that needs it (a proxied page goes out as its bytes, unparsed).
    if (validated.has(outcome.raw)) {
      return Object.defineProperty({ ...base, status: 200, raw: outcome.raw }, "body", { get: () => outcome.json, enumerable: true }) as ProxyAnswer;
    }
    const json = outcome.json;
    const parsed = schema.safeParse(json);
    if (parsed.success) {
      validated.add(outcome.raw);
      return { ...base, status: 200, body: parsed.data, raw: outcome.raw };
    }
    const why = json === undefined ? "the body is not JSON" : describeMismatch(parsed.error);
    return { ...base, status: 502, body: { message: `The Dynamo API sent an answer the dashboard does not understand (${why}).` } };
  }
  const json = outcome.json;
  const message = upstreamMessage(json);
  if (status === 400) {
    const parsed = validationErrorBodySchema.safeParse(json);
    return { ...base, status: 400, body: parsed.success ? parsed.data : { message: message ?? "The Dynamo API refused the request." } };
  }
  if (status === 401) return { ...base, status: 502, body: { message: CREDENTIALS_REJECTED } };
  if (status === 403 || status === 404) {
    return { ...base, status, body: { message: message ?? (status === 403 ? "Access denied by the Dynamo API." : "Not found.") } };
  }
  if (status === 429) {
    const retryAfter = firstHeaderValue(outcome.headers, "retry-after");
    const wait = typeof retryAfter === "string" ? ` Try again in ${retryAfter} s.` : " Try again in a moment.";
    return {
      ...base,
      status: 429,
      body: { message: `The Dynamo API is rate limiting this dashboard.${wait}` },
      headers: typeof retryAfter === "string" ? { "Retry-After": retryAfter } : {},
    };
  }
  const detail = message ? `: ${message}` : "";
  return {
    ...base,
    status: 502,
    body: { message: `The Dynamo API failed (HTTP ${status}${detail}). Try again in a moment.` },
  };
}
