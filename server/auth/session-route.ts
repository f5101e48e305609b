import type { Request, Response } from "express";
import type { SessionAnswer } from "#contract/dashboard-api";
import type { AccessGuard } from "../access/access-guard";
import type { RequestStore } from "../access/request-store";
import type { AuthMode } from "../auth-config";
import type { Viewer } from "../identity/principal";

/** GET /api/session: public, so the SPA can show who is signed in, or a way to sign in. */
export function createSessionRoute(options: { auth: AuthMode; contact: string; access: AccessGuard; conversationUrl: string | null; builtInOutbox: boolean; requests: RequestStore }) {
  const { mode } = options.auth;
  return async (_req: Request, res: Response, viewer: Viewer | undefined) => {
    const body: SessionAnswer = {
      mode,
      signedIn: viewer !== undefined,
      user: viewer && mode !== "none" ? { email: viewer.principal.email, name: viewer.principal.name, groups: viewer.principal.groups } : null,
      access: viewer ? options.access.describe(viewer) : { everywhere: null, workspaces: {} },
      contact: options.contact,
      signInUrl: mode === "oidc" ? "/auth/login" : null,
      signOutUrl: mode === "oidc" ? "/auth/logout" : null,
      conversationUrl: options.conversationUrl,
      builtInOutbox: options.builtInOutbox,
      // The local user of local mode is admin everywhere and never asks.
      accessRequests: viewer && mode !== "none" ? await options.requests.own(viewer.principal.subject) : [],
    };
    res.json(body);
  };
}
