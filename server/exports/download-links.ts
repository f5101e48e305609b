import { createHmac, hkdfSync } from "node:crypto";
import { z } from "zod";
import { constantTimeEquals } from "../signing";

/** Where a download link leads: a Storage URL, the file name to save as, and its expiry. */
export interface DownloadTarget {
  url: string;
  filename: string;
  expiresAt: number;
}

const targetSchema = z.object({ u: z.url(), f: z.string().min(1).max(200), e: z.number().int() });

export type VerifiedLink = { ok: true; target: DownloadTarget } | { ok: false; reason: "invalid" | "expired" };

/**
 * Self-contained, tamper-proof download links: the target travels in the link, with an HMAC
 * over it, so any instance of the server holding the same key can serve it without shared
 * state. Without a configured key, the key is derived from the API secret (which every
 * instance of one deployment shares) and never equals it.
 */
export function deriveLinkKey(configured: string | undefined, apiSecret: string): Buffer {
  if (configured) return Buffer.from(configured, "utf8");
  return Buffer.from(hkdfSync("sha256", apiSecret, "dynamo-dashboard", "download-links/v1", 32));
}

export function createLinkSigner(key: Buffer) {
  const mac = (payload: string) => createHmac("sha256", key).update(payload).digest("base64url");
  return {
    sign(target: DownloadTarget): string {
      const payload = Buffer.from(JSON.stringify({ u: target.url, f: target.filename, e: target.expiresAt })).toString(
        "base64url",
      );
      return `${payload}.${mac(payload)}`;
    },
    verify(token: string, now: number): VerifiedLink {
      const [payload, signature, extra] = token.split(".");
      if (!payload || !signature || extra !== undefined || !constantTimeEquals(signature, mac(payload))) {
        return { ok: false, reason: "invalid" };
      }
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      } catch {
        return { ok: false, reason: "invalid" };
      }
      const parsed = targetSchema.safeParse(decoded);
      if (!parsed.success) return { ok: false, reason: "invalid" };
      if (parsed.data.e < now) return { ok: false, reason: "expired" };
      return { ok: true, target: { url: parsed.data.u, filename: parsed.data.f, expiresAt: parsed.data.e } };
    },
  };
}

export type LinkSigner = ReturnType<typeof createLinkSigner>;
