import { exportJWK, generateKeyPair } from "jose";
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
// oxlint-disable-next-line import/no-named-as-default -- @types/oidc-provider declares only the default export
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { DEMO_ACCOUNTS, type DemoAccount } from "./demo-accounts";

/**
 * A real OpenID provider on loopback (oidc-provider) for the demo and the tests: one
 * confidential client (the dashboard), the demo accounts listed on its sign-in page, PKCE
 * required, and RP-initiated logout. Not for production: accounts have no passwords.
 */
export interface DemoIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1c2330}
h1{font-size:1.4rem}ul{list-style:none;padding:0}li{margin:.5rem 0}button{font:inherit;width:100%;text-align:left;
padding:.7rem 1rem;border:1px solid #c5cad3;border-radius:8px;background:#fff;cursor:pointer}button:hover,button:focus{border-color:#2456c9;outline:2px solid #2456c9}
small{display:block;color:#4b5563}</style></head><body><main>${body}</main></body></html>`;

function loginPage(uid: string, accounts: readonly DemoAccount[]): string {
  const items = accounts
    .map(
      (a) => `<li><form method="post" action="/interaction/${escapeHtml(uid)}/login"><input type="hidden" name="account" value="${escapeHtml(a.id)}">
<button type="submit">${escapeHtml(a.name)} <small>${escapeHtml(a.email)} · ${escapeHtml(a.blurb)}</small></button></form></li>`,
    )
    .join("");
  return page("Sign in · Demo identity provider", `<h1>Demo identity provider</h1><p>Choose a demo account to sign in to the Dynamo VIP dashboard.</p><ul>${items}</ul>`);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

export async function startDemoIdentityProvider(options: {
  /** The dashboard's public URL: its callback and post-logout addresses are registered. */
  dashboardUrl: string;
  port?: number;
  host?: string;
  accounts?: readonly DemoAccount[];
}): Promise<DemoIdentityProvider> {
  const accounts = options.accounts ?? DEMO_ACCOUNTS;
  const host = options.host ?? "127.0.0.1";
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;
  const clientId = "dynamo-dashboard";
  const clientSecret = randomBytes(24).toString("base64url");
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: "demo-signing-key", alg: "RS256", use: "sig" };
  const dashboard = options.dashboardUrl.replace(/\/+$/, "");

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${dashboard}/auth/callback`],
        post_logout_redirect_uris: [`${dashboard}/`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [signingKey as never] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          // The dashboard names the session it ends (id_token_hint, verified by the provider
          // before this page): sign out at once, as an organisation's provider set up for it
          // would, rather than stop on a question the person already answered.
          if (ctx.oidc.params?.id_token_hint) {
            ctx.body = page(
              "Signing out · Demo identity provider",
              `${form.replace("</form>", '<input type="hidden" name="logout" value="yes"></form>')}<p>Signing out…</p>` +
                `<noscript><button type="submit" form="op.logoutForm">Continue</button></noscript>` +
                `<script>document.getElementById("op.logoutForm").submit()</script>`,
            );
            return;
          }
          ctx.body = page(
            "Sign out · Demo identity provider",
            `<h1>Sign out of the demo identity provider?</h1>${form}<p><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button></p>`,
          );
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.body = page("Signed out", `<h1>Signed out</h1><p><a href="${escapeHtml(dashboard)}/">Back to the dashboard</a></p>`);
        },
      },
    },
    ttl: { Session: 8 * 3600, Grant: 8 * 3600, Interaction: 600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, id) => {
      const account = accounts.find((a) => a.id === id);
      if (!account) return undefined;
      return {
        accountId: account.id,
        claims: async () => ({ sub: account.id, email: account.email, email_verified: true, name: account.name, groups: account.groups }),
      };
    },
    // The dashboard is this provider's own first-party client: consent is implied.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    if (path === "/favicon.ico") return void res.writeHead(204).end();
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(path);
    if (!match) return void callback(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (match[2] && req.method === "POST") {
          const accountId = (await readForm(req)).get("account") ?? "";
          if (!accounts.some((a) => a.id === accountId)) throw new Error("unknown account");
          await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
          return;
        }
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        res.end(loginPage(details.uid, accounts));
      } catch (error) {
        res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
        res.end(page("Sign-in expired", `<h1>This sign-in has expired</h1><p>${escapeHtml((error as Error).message)}. Go back to the dashboard and sign in again.</p>`));
      }
    })();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
