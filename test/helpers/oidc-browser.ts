/**
 * A minimal browser for the sign-in flow over real HTTP: follows redirects by hand, keeps
 * cookies per origin, and submits the demo provider's account form. Enough to run the whole
 * authorization-code flow against the real provider and dashboard without Chromium.
 */
export class CookieBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookieHeader(url: string): string {
    return [...(this.jar.get(new URL(url).origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(url: string, res: Response) {
    const origin = new URL(url).origin;
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(origin, cookies);
  }

  /** One request, no redirect following. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(url);
    if (cookie) headers.set("cookie", cookie);
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    this.remember(url, res);
    return res;
  }

  /** Follows redirects (GET) until a non-redirect answer; returns it with the final URL. */
  async follow(url: string, init: RequestInit = {}): Promise<{ res: Response; url: string }> {
    let current = url;
    let res = await this.request(current, init);
    for (let hops = 0; res.status >= 300 && res.status < 400 && hops < 20; hops++) {
      current = new URL(res.headers.get("location") ?? "/", current).toString();
      res = await this.request(current);
    }
    return { res, url: current };
  }

  /** Signs in at `dashboardUrl` as a demo account; returns where the browser landed. */
  async signIn(dashboardUrl: string, accountId: string, returnTo = "/labels?ws=ws_aurora"): Promise<{ res: Response; url: string }> {
    const { res, url } = await this.follow(`${dashboardUrl}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
    const html = await res.text();
    const action = new RegExp(`action="([^"]+)"><input type="hidden" name="account" value="${accountId}"`).exec(html)?.[1];
    if (!action) throw new Error(`no sign-in form for ${accountId} at ${url}:\n${html.slice(0, 500)}`);
    const posted = await this.request(new URL(action, url).toString(), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ account: accountId }).toString(),
    });
    return this.follow(new URL(posted.headers.get("location") ?? "/", url).toString());
  }
}
