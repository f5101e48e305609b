import { createHmac, timingSafeEqual } from "node:crypto";

/** HMAC-SHA256 of `message` keyed by `secret`, lowercase hex: the primitive behind x-signature. */
export function hmacSha256Hex(secret: string | Buffer, message: string): string {
  return createHmac("sha256", secret).update(message, "utf8").digest("hex");
}

/** The x-signature for an x-date value (API.md: the signature covers the date only). */
export function signDate(secret: string, xDate: string): string {
  return hmacSha256Hex(secret, xDate);
}

/** Compares two hex strings in constant time for equal lengths (length itself is not secret). */
export function hexEquals(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  if (left.length !== right.length) {
    timingSafeEqual(left, left); // spend comparable time either way
    return false;
  }
  return timingSafeEqual(left, right);
}
