import { describe, expect, it, vi } from "vitest";
import type { SessionAnswer } from "#contract/dashboard-api";
import { forFile } from "../../helpers/for-file";
import { CookieBrowser } from "../../helpers/oidc-browser";
import { startSsoStack } from "../../helpers/sso-stack";
import { MAIN } from "../../helpers/stack";

/** The whole authorization-code flow against a real OpenID provider (oidc-provider) on loopback. */
const sso = forFile(() => startSsoStack({ instances: [{ env: { SESSION_IDLE_MINUTES: "30" } }] }), (s) => s.close());

async function session(browser: CookieBrowser): Promise<SessionAnswer> {
  return (await (await browser.request(`${sso.publicUrl}/api/session`)).json()) as SessionAnswer;
}

describe("sign-in with OpenID Connect", () => {
  it("signs in with PKCE, state and nonce, returns to the same view, and knows the person's roles", async () => {
    const before = await session(new CookieBrowser());
    expect(before).toMatchObject({ mode: "oidc", signedIn: false, signInUrl: "/auth/login" });
    const browser = new CookieBrowser();
    const login = await browser.request(`${sso.publicUrl}/auth/login?returnTo=${encodeURIComponent("/labels?ws=ws_aurora&ch=ch_aurora_messenger")}`);
    const authorize = new URL(login.headers.get("location") ?? "");
    expect(authorize.origin).toBe(sso.provider.issuer);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    for (const p of ["state", "nonce", "code_challenge"]) expect(authorize.searchParams.get(p)).toBeTruthy();

    const landed = await browser.signIn(sso.publicUrl, "ana", "/labels?ws=ws_aurora&ch=ch_aurora_messenger");
    expect(new URL(landed.url).pathname + new URL(landed.url).search).toBe("/labels?ws=ws_aurora&ch=ch_aurora_messenger");
    const me = await session(browser);
    expect(me).toMatchObject({
      signedIn: true,
      user: { email: "ana.analyst@aurora.demo", name: "Ana Analyst" },
      access: { workspaces: { ws_aurora: "analyst" } },
      signOutUrl: "/auth/logout",
    });
    expect((await browser.request(`${sso.publicUrl}/api/vip-users?${MAIN}&limit=3`)).status).toBe(200);
  });

  it("sends a signed-out page load straight to sign-in from the server, with the way back", async () => {
    const res = await new CookieBrowser().request(`${sso.publicUrl}/labels?ws=ws_aurora&ch=ch_aurora_messenger`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/auth/login?returnTo=${encodeURIComponent("/labels?ws=ws_aurora&ch=ch_aurora_messenger")}`);
    // Signed in, the same load is the app itself (here unbuilt: the 503 that says so), not a redirect.
    const browser = new CookieBrowser();
    await browser.signIn(sso.publicUrl, "ana", "/labels");
    const app = await browser.request(`${sso.publicUrl}/labels`, { headers: { accept: "text/html" } });
    expect(app.headers.get("location")).toBeNull();
    expect([200, 503]).toContain(app.status);
  });

  it("sets an opaque HttpOnly, SameSite=Lax session cookie", async () => {
    const browser = new CookieBrowser();
    const login = await browser.request(`${sso.publicUrl}/auth/login`);
    const authorize = login.headers.get("location")!;
    const { url } = await browser.follow(authorize);
    const html = await (await browser.request(url)).text();
    const action = /action="([^"]+)"><input type="hidden" name="account" value="ada"/.exec(html)![1]!;
    const done = await browser.request(new URL(action, url).toString(), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "account=ada",
    });
    let res = await browser.request(done.headers.get("location")!);
    while (!res.headers.get("location")?.includes("/auth/callback")) res = await browser.request(new URL(res.headers.get("location")!, sso.provider.issuer).toString());
    const callback = await browser.request(res.headers.get("location")!);
    const cookie = callback.headers.getSetCookie().find((c) => c.startsWith("dynamo_session="))!;
    expect(cookie).toMatch(/^dynamo_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
  });

  it("signs out: the server session ends (a copied cookie stops working) and the provider is asked to sign out too", async () => {
    const browser = new CookieBrowser();
    await browser.signIn(sso.publicUrl, "eli");
    const copied = browser.cookieHeader(sso.publicUrl);
    expect((await fetch(`${sso.publicUrl}/api/workspaces`, { headers: { cookie: copied } })).status).toBe(200);
    const crossSite = await browser.request(`${sso.publicUrl}/auth/logout`, { method: "POST", headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    const out = await browser.request(`${sso.publicUrl}/auth/logout`, { method: "POST", headers: { origin: sso.publicUrl } });
    expect(out.status).toBe(303);
    const endSession = new URL(out.headers.get("location")!);
    expect(endSession.origin).toBe(sso.provider.issuer);
    expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe(`${sso.publicUrl}/`);
    expect(endSession.searchParams.get("id_token_hint")).toBeTruthy();
    const after = await fetch(`${sso.publicUrl}/api/workspaces`, { headers: { cookie: copied } });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ signInUrl: "/auth/login" });
  });

  it("shows a person with no grant nothing, and says whom to ask", async () => {
    const browser = new CookieBrowser();
    await browser.signIn(sso.publicUrl, "noah");
    expect(await session(browser)).toMatchObject({ signedIn: true, access: { everywhere: null, workspaces: {} } });
    expect(((await (await browser.request(`${sso.publicUrl}/api/workspaces`)).json()) as { items: unknown[] }).items).toEqual([]);
    const refused = await browser.request(`${sso.publicUrl}/api/vip-users?${MAIN}`);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/Ask your dashboard administrator for access/);
  });

  it("ends an idle session", async () => {
    const browser = new CookieBrowser();
    await browser.signIn(sso.publicUrl, "vera");
    expect((await browser.request(`${sso.publicUrl}/api/workspaces`)).status).toBe(200);
    vi.useFakeTimers({ now: Date.now() + 31 * 60_000, toFake: ["Date"] });
    try {
      expect((await browser.request(`${sso.publicUrl}/api/workspaces`)).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it("never redirects elsewhere after sign-in, and refuses a forged callback", async () => {
    const browser = new CookieBrowser();
    const landed = await browser.signIn(sso.publicUrl, "vera", "//evil.example/steal");
    expect(new URL(landed.url).origin).toBe(sso.publicUrl);
    expect(new URL(landed.url).pathname).toBe("/");
    const forged = await fetch(`${sso.publicUrl}/auth/callback?state=forged&code=abc`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("Sign-in did not complete");
  });

  it("records sign-in and sign-out in the audit log", async () => {
    const browser = new CookieBrowser();
    await browser.signIn(sso.publicUrl, "ada");
    const audit = (await (await browser.request(`${sso.publicUrl}/api/audit?limit=200`)).json()) as { items: { action: string; actor: string }[] };
    expect(audit.items.some((i) => i.action === "sign_in" && i.actor === "ana.analyst@aurora.demo")).toBe(true);
    expect(audit.items.some((i) => i.action === "sign_out" && i.actor === "eli.exporter@aurora.demo")).toBe(true);
  });
});
