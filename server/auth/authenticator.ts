import type { Request } from "express";
import { grantsFor, type AccessPolicy, type Grants } from "../access/policy";
import type { AuthMode } from "../auth-config";
import { LOCAL_PRINCIPAL, type Viewer } from "../identity/principal";
import { createProxyIdentity } from "./proxy-identity";
import type { SessionCookie } from "./session-cookie";
import type { SessionStore, StoredSession } from "./session-store";

/** Local mode (loopback only): the one local user may do everything. */
const LOCAL_GRANTS: Grants = new Map([["*", "admin"]]);

export interface Identified {
  viewer: Viewer | undefined;
  session: StoredSession | undefined;
}

/** A person's grants now, from the access policy (the local user in local mode is admin of all). */
export function createGrantsOf(auth: AuthMode, policy: AccessPolicy | undefined) {
  return (principal: Viewer["principal"]): Grants => (auth.mode === "none" ? LOCAL_GRANTS : policy ? grantsFor(policy, principal) : new Map());
}

/**
 * Who is asking, per AUTH_MODE: the local user; the session behind the cookie (oidc); or the
 * identity the authenticating proxy vouches for (proxy). Grants come from the access policy.
 */
export function createAuthenticator(options: {
  auth: AuthMode;
  policy: AccessPolicy | undefined;
  sessions: SessionStore;
  cookie: SessionCookie;
}) {
  const { auth, policy } = options;
  const proxyIdentity = auth.mode === "proxy" ? createProxyIdentity(auth) : undefined;
  const grants = (principal: Viewer["principal"]) => (policy ? grantsFor(policy, principal) : new Map());

  return async function identify(req: Request): Promise<Identified> {
    if (auth.mode === "none") {
      return { viewer: { principal: LOCAL_PRINCIPAL, grants: LOCAL_GRANTS }, session: undefined };
    }
    if (auth.mode === "oidc") {
      const token = options.cookie.read(req);
      const session = token ? await options.sessions.find(token) : undefined;
      if (!session) return { viewer: undefined, session: undefined };
      return { viewer: { principal: session.principal, grants: grants(session.principal) }, session };
    }
    const principal = await proxyIdentity?.(req);
    return { viewer: principal ? { principal, grants: grants(principal) } : undefined, session: undefined };
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
