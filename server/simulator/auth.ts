import type { IncomingHttpHeaders } from "node:http";
import { FRESHNESS_FUTURE_MS, FRESHNESS_PAST_MS } from "#contract/assumptions";
import { firstHeaderValue as header } from "../header-value";
import { constantTimeEquals, signDate } from "../signing";

export type AuthResult = { ok: true } | { ok: false; message: string };

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The upstream's authentication as API.md states it: key known, x-date fresh within
 * -5 s..+60 s of the server's clock, x-signature = HMAC-SHA256(secret, x-date) in hex.
 * Each failure has its own message so a misconfigured client can tell them apart.
 */
export function authenticate(headers: IncomingHttpHeaders, keys: ReadonlyMap<string, string>, now: number): AuthResult {
  const apiKey = header(headers, "x-api-key");
  const xDate = header(headers, "x-date");
  const signature = header(headers, "x-signature");
  if (!apiKey) return { ok: false, message: "Missing x-api-key header" };
  if (!xDate) return { ok: false, message: "Missing x-date header" };
  if (!signature) return { ok: false, message: "Missing x-signature header" };
  const secret = keys.get(apiKey);
  if (secret === undefined) return { ok: false, message: "Unknown API key" };
  const signedAt = ISO_8601.test(xDate) ? Date.parse(xDate) : Number.NaN;
  if (!Number.isFinite(signedAt)) return { ok: false, message: "x-date is not an ISO-8601 timestamp" };
  if (signedAt > now + FRESHNESS_FUTURE_MS) {
    return { ok: false, message: "x-date is in the future (more than 5 s ahead of server time)" };
  }
  if (signedAt < now - FRESHNESS_PAST_MS) {
    return { ok: false, message: "x-date is too old (more than 60 s behind server time)" };
  }
  // API.md: lowercase hex. An uppercase signature is refused like any other mismatch.
  if (!constantTimeEquals(signature, signDate(secret, xDate))) {
    return { ok: false, message: "Invalid signature" };
  }
  return { ok: true };
}
