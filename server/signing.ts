import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The Dynamo API's request signing (API.md): x-signature = HMAC-SHA256(secret, x-date), in
 * lowercase hex. One module for the proxy that signs, the simulator that verifies, the tests
 * and the benches.
 */

/** HMAC-SHA256 of `message` keyed by `secret`, lowercase hex. */
export function hmacSha256Hex(secret: string | Buffer, message: string): string {
  return createHmac("sha256", secret).update(message, "utf8").digest("hex");
}

/** The x-signature for an x-date value (the signature covers the date only). */
export function signDate(secret: string, xDate: string): string {
  return hmacSha256Hex(secret, xDate);
}

/** The three authentication headers of one request, signed at `at`. */
export function signedHeaders(apiKey: string, apiSecret: string, at: Date = new Date()) {
  const xDate = at.toISOString();
  return { "x-api-key": apiKey, "x-date": xDate, "x-signature": signDate(apiSecret, xDate) };
}

/**
 * Compares two strings (hex or base64url signatures) in constant time for equal lengths;
 * the length itself is not secret.
 */
export function constantTimeEquals(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  if (left.length !== right.length) {
    timingSafeEqual(left, left); // spend comparable time either way
    return false;
  }
  return timingSafeEqual(left, right);
}
