import { BlockList, isIP } from "node:net";
import { z } from "zod";
import { loadAccessPolicy, type AccessPolicy } from "./access/policy";

/**
 * Sign-in settings (AUTH_MODE and friends), parsed with the rest of the configuration. Local
 * mode (no sign-in) is allowed only on a loopback address; the other modes need PUBLIC_URL and
 * an access policy, and say which variable is missing.
 */
const emptyAsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = z.preprocess(emptyAsUnset, z.string().optional());
const url = z.preprocess(emptyAsUnset, z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional());
const minutes = (fallback: number, max: number) => z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(max).default(fallback));

export const authEnvSchema = z.object({
  AUTH_MODE: z.preprocess(emptyAsUnset, z.enum(["none", "oidc", "proxy"]).default("none")),
  PUBLIC_URL: url,
  ALLOWED_HOSTS: text,
  ACCESS_POLICY: text,
  ACCESS_CONTACT: z.preprocess(emptyAsUnset, z.string().max(200).default("your dashboard administrator")),
  OIDC_ISSUER: url,
  OIDC_CLIENT_ID: text,
  OIDC_CLIENT_SECRET: text,
  OIDC_GROUPS_CLAIM: z.preprocess(emptyAsUnset, z.string().default("groups")),
  OIDC_SCOPES: z.preprocess(emptyAsUnset, z.string().default("openid email profile")),
  PROXY_JWT_HEADER: z.preprocess(emptyAsUnset, z.string().default("authorization")),
  PROXY_JWT_ISSUER: text,
  PROXY_JWT_AUDIENCE: text,
  PROXY_JWKS_URL: url,
  PROXY_EMAIL_HEADER: text,
  PROXY_GROUPS_HEADER: text,
  TRUSTED_PROXY_CIDRS: text,
  SESSION_IDLE_MINUTES: minutes(60, 7 * 24 * 60),
  SESSION_MAX_HOURS: minutes(12, 30 * 24),
});
type AuthEnv = z.infer<typeof authEnvSchema>;

export type AuthMode =
  | { mode: "none" }
  | { mode: "oidc"; issuer: URL; clientId: string; clientSecret: string; groupsClaim: string; scopes: string }
  | {
      mode: "proxy";
      jwt: { header: string; issuer: string; audience: string; jwksUrl: URL } | undefined;
      plain: { emailHeader: string; groupsHeader: string | undefined; trusted: BlockList } | undefined;
    };

export interface AuthConfig {
  auth: AuthMode;
  publicUrl: URL | undefined;
  /** Further host[:port] values the Host check accepts (a second DNS name, the dev server). */
  extraHosts: string[];
  policy: AccessPolicy | undefined;
  contact: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
}

const LOOPBACK_HOST = /^(127(\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i;
export const isLoopbackHost = (host: string) => LOOPBACK_HOST.test(host);

function parseCidrs(value: string, problems: string[]): BlockList {
  const list = new BlockList();
  for (const entry of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address = "", bits] = entry.split("/");
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      problems.push(`TRUSTED_PROXY_CIDRS has an entry that is not an address or CIDR range: ${entry}`);
      continue;
    }
    list.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

const missing = (names: string[], why: string) => names.map((n) => `${n} is missing: ${why}`);

export function parseAuthConfig(e: AuthEnv, host: string, problems: string[]): AuthConfig {
  const publicUrl = e.PUBLIC_URL ? new URL(e.PUBLIC_URL) : undefined;
  let auth: AuthMode = { mode: "none" };
  if (e.AUTH_MODE === "none" && !isLoopbackHost(host)) {
    problems.push(
      `HOST=${host} is not a loopback address, and AUTH_MODE is not set (local mode, no sign-in, which would show every ` +
        `player's personal data to anyone who reaches the port). Set AUTH_MODE=oidc (with OIDC_ISSUER, OIDC_CLIENT_ID, ` +
        `OIDC_CLIENT_SECRET, PUBLIC_URL and ACCESS_POLICY) or AUTH_MODE=proxy (with PROXY_JWKS_URL, PROXY_JWT_ISSUER, ` +
        `PROXY_JWT_AUDIENCE, PUBLIC_URL and ACCESS_POLICY), or listen on HOST=127.0.0.1.`,
    );
  }
  if (e.AUTH_MODE !== "none") {
    if (!publicUrl) problems.push(...missing(["PUBLIC_URL"], `AUTH_MODE=${e.AUTH_MODE} needs the dashboard's public address (e.g. https://vip.studio.example)`));
    if (!e.ACCESS_POLICY) problems.push(...missing(["ACCESS_POLICY"], "name the JSON file that grants roles per workspace (see the README)"));
  }
  if (e.AUTH_MODE === "oidc") {
    const absent = (["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const).filter((n) => !e[n]);
    problems.push(...missing([...absent], "AUTH_MODE=oidc needs the provider's issuer URL and this dashboard's client id and secret"));
    if (absent.length === 0) {
      auth = {
        mode: "oidc",
        issuer: new URL(e.OIDC_ISSUER as string),
        clientId: e.OIDC_CLIENT_ID as string,
        clientSecret: e.OIDC_CLIENT_SECRET as string,
        groupsClaim: e.OIDC_GROUPS_CLAIM,
        scopes: e.OIDC_SCOPES,
      };
    }
  }
  if (e.AUTH_MODE === "proxy") {
    const jwtVars = [e.PROXY_JWKS_URL, e.PROXY_JWT_ISSUER, e.PROXY_JWT_AUDIENCE];
    const jwtGiven = jwtVars.some((v) => v !== undefined);
    if (jwtGiven && jwtVars.some((v) => v === undefined)) {
      problems.push("PROXY_JWKS_URL, PROXY_JWT_ISSUER and PROXY_JWT_AUDIENCE go together: set all three to verify the proxy's signed assertion");
    }
    const plainGiven = e.PROXY_EMAIL_HEADER !== undefined;
    if (plainGiven && !e.TRUSTED_PROXY_CIDRS) {
      problems.push("TRUSTED_PROXY_CIDRS is missing: a plain identity header (PROXY_EMAIL_HEADER) is accepted only from the proxy's addresses");
    }
    if (!jwtGiven && !plainGiven) {
      problems.push("AUTH_MODE=proxy needs PROXY_JWKS_URL, PROXY_JWT_ISSUER and PROXY_JWT_AUDIENCE (a signed assertion), or PROXY_EMAIL_HEADER with TRUSTED_PROXY_CIDRS");
    }
    auth = {
      mode: "proxy",
      jwt: jwtGiven
        ? { header: e.PROXY_JWT_HEADER.toLowerCase(), issuer: e.PROXY_JWT_ISSUER ?? "", audience: e.PROXY_JWT_AUDIENCE ?? "", jwksUrl: new URL(e.PROXY_JWKS_URL ?? "http://invalid") }
        : undefined,
      plain: plainGiven
        ? {
            emailHeader: (e.PROXY_EMAIL_HEADER as string).toLowerCase(),
            groupsHeader: e.PROXY_GROUPS_HEADER?.toLowerCase(),
            trusted: parseCidrs(e.TRUSTED_PROXY_CIDRS ?? "", problems),
          }
        : undefined,
    };
  }
  let policy: AccessPolicy | undefined;
  if (e.ACCESS_POLICY) {
    const loaded = loadAccessPolicy(e.ACCESS_POLICY);
    if ("problems" in loaded) problems.push(...loaded.problems);
    else policy = loaded.policy;
  }
  return {
    auth,
    publicUrl,
    extraHosts: (e.ALLOWED_HOSTS ?? "").split(",").map((h) => h.trim().toLowerCase()).filter(Boolean),
    policy,
    contact: e.ACCESS_CONTACT,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SESSION_MAX_HOURS * 3_600_000,
  };
}
