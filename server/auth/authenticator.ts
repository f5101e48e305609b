import type { Request } from "express";
import type { GrantResolver } from "../access/grant-resolver";
import { LOCAL_GRANTS } from "../access/grant-resolver";
import type { AuthMode } from "../auth-config";
import { LOCAL_PRINCIPAL, type Viewer } from "../identity/principal";
import { createProxyIdentity } from "./proxy-identity";
import type { SessionCookie } from "./session-cookie";
import type { SessionStore, StoredSession } from "./session-store";

export interface Identified {
  viewer: Viewer | undefined;
  session: StoredSession | undefined;
}

/**
 * Who is asking, per AUTH_MODE: the local user; the session behind the cookie (oidc); or the
 * identity the authenticating proxy vouches for (proxy). Grants are read at each request (the
 * policy file's and the database's), so a change made in the Access view counts at once.
 */
export function createAuthenticator(options: { auth: AuthMode; grantsOf: GrantResolver; sessions: SessionStore; cookie: SessionCookie }) {
  const { auth, grantsOf } = options;
  const proxyIdentity = auth.mode === "proxy" ? createProxyIdentity(auth) : undefined;

  return async function identify(req: Request): Promise<Identified> {
    if (auth.mode === "none") {
      return { viewer: { principal: LOCAL_PRINCIPAL, grants: LOCAL_GRANTS }, session: undefined };
    }
    if (auth.mode === "oidc") {
      const token = options.cookie.read(req);
      const session = token ? await options.sessions.find(token) : undefined;
      if (!session) return { viewer: undefined, session: undefined };
      return { viewer: { principal: session.principal, grants: await grantsOf(session.principal) }, session };
    }
    const principal = await proxyIdentity?.(req);
    return { viewer: principal ? { principal, grants: await grantsOf(principal) } : undefined, session: undefined };
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
