import type { Request, Response } from "express";
import type { SessionAnswer } from "#contract/dashboard-api";
import type { AccessGuard } from "../access/access-guard";
import type { AuthMode } from "../auth-config";
import type { Viewer } from "../identity/principal";

/** GET /api/session: public, so the SPA can show who is signed in, or a way to sign in. */
export function createSessionRoute(options: { auth: AuthMode; contact: string; access: AccessGuard; conversationUrl: string | null; builtInOutbox: boolean }) {
  const { mode } = options.auth;
  return (_req: Request, res: Response, viewer: Viewer | undefined) => {
    const body: SessionAnswer = {
      mode,
      signedIn: viewer !== undefined,
      user: viewer && mode !== "none" ? { email: viewer.principal.email, name: viewer.principal.name } : null,
      access: viewer ? options.access.describe(viewer) : { everywhere: null, workspaces: {} },
      contact: options.contact,
      signInUrl: mode === "oidc" ? "/auth/login" : null,
      signOutUrl: mode === "oidc" ? "/auth/logout" : null,
      conversationUrl: options.conversationUrl,
      builtInOutbox: options.builtInOutbox,
    };
    res.json(body);
  };
}
