import type { Request } from "express";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { isIPv4 } from "node:net";
import type { AuthMode } from "../auth-config";
import { firstHeaderValue } from "../header-value";
import type { Principal } from "../identity/principal";

type ProxyMode = Extract<AuthMode, { mode: "proxy" }>;

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? value.split(",").map((s) => s.trim()).filter(Boolean) : [];

/** The peer's address as the BlockList reads it (IPv4-mapped IPv6 unwrapped). */
function peerAddress(req: Request): { address: string; family: "ipv4" | "ipv6" } | undefined {
  const raw = req.socket.remoteAddress;
  if (!raw) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw)?.[1];
  const address = mapped ?? raw;
  return { address, family: isIPv4(address) ? "ipv4" : "ipv6" };
}

/**
 * Behind an authenticating proxy: a signed JWT assertion (issuer, audience, expiry, keys from
 * the JWKS URL), or a plain identity header, believed only from TRUSTED_PROXY_CIDRS.
 */
export function createProxyIdentity(mode: ProxyMode) {
  const jwks = mode.jwt ? createRemoteJWKSet(mode.jwt.jwksUrl) : undefined;
  return async function identify(req: Request): Promise<Principal | undefined> {
    if (mode.jwt && jwks) {
      const raw = firstHeaderValue(req.headers, mode.jwt.header);
      const token = raw?.replace(/^Bearer\s+/i, "").trim();
      if (token) {
        let payload: JWTPayload;
        try {
          ({ payload } = await jwtVerify(token, jwks, { issuer: mode.jwt.issuer, audience: mode.jwt.audience, clockTolerance: 30 }));
        } catch {
          return undefined;
        }
        if (!payload.sub) return undefined;
        const email = typeof payload.email === "string" ? payload.email : null;
        const name = typeof payload.name === "string" ? payload.name : null;
        return { subject: payload.sub, email, name, groups: stringList(payload.groups) };
      }
    }
    if (mode.plain) {
      const peer = peerAddress(req);
      if (!peer || !mode.plain.trusted.check(peer.address, peer.family)) return undefined;
      const email = firstHeaderValue(req.headers, mode.plain.emailHeader)?.trim();
      if (!email) return undefined;
      const groups = mode.plain.groupsHeader ? stringList(firstHeaderValue(req.headers, mode.plain.groupsHeader)) : [];
      return { subject: email.toLowerCase(), email, name: null, groups };
    }
    return undefined;
  };
}
