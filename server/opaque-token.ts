import { createHash, randomBytes } from "node:crypto";

/**
 * Opaque random tokens (session cookies, download links): the holder gets the token, the
 * database keeps only its SHA-256, so a leaked table holds nothing usable.
 */
export const newToken = (): string => randomBytes(32).toString("base64url");
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("base64url");
