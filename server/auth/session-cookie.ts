import type { Request, Response } from "express";

/**
 * The session cookie: an opaque token, HttpOnly, SameSite=Lax, and on https `Secure` with the
 * `__Host-` prefix (no Domain, Path=/), so no other site or subdomain can set or read it.
 */
export function createSessionCookie(publicUrl: URL | undefined, maxAgeMs: number) {
  const secure = publicUrl?.protocol === "https:";
  const name = secure ? "__Host-dynamo_session" : "dynamo_session";
  const attributes = ["Path=/", "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])];
  return {
    name,
    read(req: Request): string | undefined {
      for (const part of (req.headers.cookie ?? "").split(";")) {
        const at = part.indexOf("=");
        if (at > 0 && part.slice(0, at).trim() === name) {
          const value = part.slice(at + 1).trim();
          return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
        }
      }
      return undefined;
    },
    set(res: Response, token: string) {
      res.append("Set-Cookie", [`${name}=${token}`, ...attributes, `Max-Age=${Math.floor(maxAgeMs / 1000)}`].join("; "));
    },
    clear(res: Response) {
      res.append("Set-Cookie", [`${name}=`, ...attributes, "Max-Age=0"].join("; "));
    },
  };
}

export type SessionCookie = ReturnType<typeof createSessionCookie>;
