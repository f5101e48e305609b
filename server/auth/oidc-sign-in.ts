import type { RequestHandler, Response } from "express";
import * as client from "openid-client";
import type { AuthMode } from "../auth-config";
import { isLoopbackHost } from "../auth-config";
import type { AuditLog } from "../audit/audit-log";
import type { AppDb } from "../db/schema";
import type { Logger } from "../logger";
import { actorOf, type Principal } from "../identity/principal";
import { safeReturnTo } from "./return-to";
import type { SessionCookie } from "./session-cookie";
import type { SessionStore } from "./session-store";

type OidcMode = Extract<AuthMode, { mode: "oidc" }>;

interface OidcDeps {
  mode: OidcMode;
  publicUrl: URL;
  db: AppDb;
  sessions: SessionStore;
  cookie: SessionCookie;
  audit: AuditLog;
  logger: Logger;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page for a sign-in that could not finish: what happened, and a way to try again. */
function signInProblem(res: Response, status: number, message: string) {
  res
    .status(status)
    .type("html")
    .setHeader("Cache-Control", "no-store")
    .send(
      `<!doctype html><meta charset="utf-8"><title>Sign-in did not complete</title>` +
        `<main style="font:16px system-ui;max-width:36rem;margin:4rem auto;padding:0 1rem">` +
        `<h1>Sign-in did not complete</h1><p>${escapeHtml(message)}</p><p><a href="/auth/login">Try again</a></p></main>`,
    );
}

const claimList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : [];

/**
 * Sign-in with OpenID Connect (openid-client v6): the authorization-code flow with PKCE,
 * `state` and `nonce`, kept in the database so the callback may reach any instance; sign-out
 * ends the session here and, when the provider offers it, there too (RP-initiated logout).
 */
export function createOidcSignIn(deps: OidcDeps) {
  const { mode, publicUrl } = deps;
  const redirectUri = new URL("/auth/callback", publicUrl).toString();
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= client
      .discovery(mode.issuer, mode.clientId, mode.clientSecret, undefined, {
        // Plain http only for a provider on this machine (the demo's); anything else must be https.
        execute: mode.issuer.protocol === "http:" && isLoopbackHost(mode.issuer.hostname) ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        discovered = undefined; // try again on the next sign-in
        throw error;
      });
    return discovered;
  };

  const login: RequestHandler = async (req, res) => {
    let config: client.Configuration;
    try {
      config = await configuration();
    } catch (error) {
      deps.logger.error({ err: { message: (error as Error).message } }, "OIDC discovery failed");
      return signInProblem(res, 502, "The sign-in provider could not be reached. Try again in a moment.");
    }
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await deps.db
      .insertInto("auth_flows")
      .values({ state, nonce, code_verifier: codeVerifier, return_to: safeReturnTo(req.query.returnTo) })
      .execute();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: mode.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    res.setHeader("Cache-Control", "no-store");
    res.redirect(302, url.toString());
  };

  const callback: RequestHandler = async (req, res) => {
    const state = typeof req.query.state === "string" ? req.query.state : "";
    const flow = state
      ? await deps.db.deleteFrom("auth_flows").where("state", "=", state).returningAll().executeTakeFirst()
      : undefined;
    if (!flow || flow.created_at.getTime() < Date.now() - 15 * 60_000) {
      return signInProblem(res, 400, "This sign-in link is unknown, used or too old.");
    }
    if (typeof req.query.error === "string") {
      return signInProblem(res, 403, `The sign-in provider refused: ${req.query.error_description ?? req.query.error}.`);
    }
    let principal: Principal;
    let idToken: string | null;
    try {
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, new URL(req.originalUrl, publicUrl), {
        pkceCodeVerifier: flow.code_verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error("no ID token");
      let email = typeof claims.email === "string" ? claims.email : null;
      let groups = claimList(claims[mode.groupsClaim]);
      if ((!email || groups.length === 0) && tokens.access_token && config.serverMetadata().userinfo_endpoint) {
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
        email ??= typeof info.email === "string" ? info.email : null;
        if (groups.length === 0) groups = claimList(info[mode.groupsClaim]);
      }
      const name = typeof claims.name === "string" ? claims.name : null;
      principal = { subject: claims.sub, email, name, groups };
      idToken = tokens.id_token ?? null;
    } catch (error) {
      deps.logger.warn({ err: { name: (error as Error).name, message: (error as Error).message } }, "OIDC callback failed");
      return signInProblem(res, 502, "The sign-in provider's answer could not be verified. Try again.");
    }
    const token = await deps.sessions.create(principal, idToken);
    deps.cookie.set(res, token);
    await deps.audit.record({ actor: actorOf(principal), action: "sign_in", details: { method: "oidc" } });
    res.setHeader("Cache-Control", "no-store");
    res.redirect(303, flow.return_to);
  };

  /** POST only, from our own pages (the origin check runs first). */
  const logout = async (res: Response, session: { id: string; principal: Principal; idToken: string | null } | undefined) => {
    deps.cookie.clear(res);
    res.setHeader("Cache-Control", "no-store");
    if (!session) return res.redirect(303, "/");
    await deps.sessions.destroy(session.id);
    await deps.audit.record({ actor: actorOf(session.principal), action: "sign_out", details: { method: "oidc" } });
    const config = await configuration().catch(() => undefined);
    if (config?.serverMetadata().end_session_endpoint) {
      const url = client.buildEndSessionUrl(config, {
        post_logout_redirect_uri: new URL("/", publicUrl).toString(),
        client_id: mode.clientId,
        ...(session.idToken ? { id_token_hint: session.idToken } : {}),
      });
      return res.redirect(303, url.toString());
    }
    return res.redirect(303, "/");
  };

  return { login, callback, logout };
}

export type OidcSignIn = ReturnType<typeof createOidcSignIn>;
