import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * People for access tests: an authenticating proxy's signing keys (a real JWKS endpoint on
 * loopback), assertions signed for any e-mail and groups, and policy files.
 */
export interface JwtIssuer {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** A signed assertion, as the proxy would send it. */
  assertion(email: string, options?: { groups?: string[]; expiresIn?: string; audience?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startJwtIssuer(): Promise<JwtIssuer> {
  const { publicKey, privateKey } = await generateKeyPair("ES256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "ES256", use: "sig" };
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = "https://proxy.test";
  const audience = "dynamo-dashboard";
  return {
    issuer,
    audience,
    jwksUrl: `http://127.0.0.1:${port}/jwks`,
    assertion: (email, options = {}) =>
      new SignJWT({ email, groups: options.groups ?? [] })
        .setProtectedHeader({ alg: "ES256", kid: "test-key" })
        .setSubject(`sub-${email}`)
        .setIssuer(issuer)
        .setAudience(options.audience ?? audience)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? "5m")
        .sign(privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Writes an access policy file and returns its path. */
export function writePolicy(grants: unknown[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "policy-")), "access-policy.json");
  writeFileSync(path, JSON.stringify({ grants }));
  return path;
}

/** A port free right now on loopback (for a PUBLIC_URL that must name it before listening). */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The policy the access tests use: one person per role in Aurora, plus groups and "*". */
export const TEST_GRANTS = [
  { email: "viewer@studio.test", workspace: "ws_aurora", role: "viewer" },
  { email: "analyst@studio.test", workspace: "ws_aurora", role: "analyst" },
  { email: "exporter@studio.test", workspace: "ws_aurora", role: "exporter" },
  { email: "admin@studio.test", workspace: "*", role: "admin" },
  { email: "skyforge@studio.test", workspace: "ws_skyforge", role: "exporter" },
  { group: "cm-leads", workspace: "ws_aurora", role: "analyst" },
];
