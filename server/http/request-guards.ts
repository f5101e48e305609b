import type { Request, RequestHandler } from "express";

/**
 * Requests from elsewhere. The Host check closes DNS rebinding: a page on another site that
 * resolves its own name to this server's address gets a 421, not our data. The origin check
 * keeps other sites from making a signed-in browser change anything (POST) here.
 */

/** "Example.COM:443" for https -> "example.com": a Host header as the allowed list spells it. */
function normalizeHost(host: string, defaultPort: string): string {
  const lower = host.trim().toLowerCase();
  return lower.endsWith(`:${defaultPort}`) ? lower.slice(0, -(defaultPort.length + 1)) : lower;
}

/** Paths any Host may reach: health checks from load balancers that address the instance by IP. */
const HOST_EXEMPT = new Set(["/api/health", "/api/ready"]);

export function hostCheck(allowedHosts: () => ReadonlySet<string>, defaultPort: string): RequestHandler {
  return (req, res, next) => {
    const host = normalizeHost(req.headers.host ?? "", defaultPort);
    // An absolute-form target ("GET http://other.example/api/… HTTP/1.1") names its own host.
    const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(req.url) ? URL.parse(req.url) : undefined;
    const targetHost = absolute ? normalizeHost(absolute.host, defaultPort) : host;
    const allowed = allowedHosts();
    if (absolute && allowed.has(targetHost)) req.url = `${absolute.pathname}${absolute.search}`;
    if (allowed.has(host) && allowed.has(targetHost)) return next();
    if (!absolute && HOST_EXEMPT.has(req.path)) return next();
    res.locals.route = "host-check";
    res.status(421).json({ message: `This dashboard does not answer for the host "${targetHost || "(none)"}".` });
  };
}

/**
 * Did this state-changing request come from our own pages? Browsers send Sec-Fetch-Site (and
 * Origin on POST); a request that carries neither is not from a browser page and is refused
 * too, so a form on another site cannot create an export in a signed-in manager's name.
 */
export function isSameOrigin(req: Request, allowedOrigins: ReadonlySet<string>): boolean {
  const site = req.headers["sec-fetch-site"];
  const origin = req.headers.origin?.toLowerCase();
  if (site !== undefined) return site === "same-origin" && (origin === undefined || allowedOrigins.has(origin));
  return origin !== undefined && allowedOrigins.has(origin);
}

export const CROSS_SITE_REFUSED = { message: "This request did not come from the dashboard's own pages, so it was refused." };
