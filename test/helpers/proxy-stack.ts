import { forFile } from "./for-file";
import { freePort, startJwtIssuer, TEST_GRANTS, writePolicy, type JwtIssuer } from "./identities";
import { startStack, type Stack, type StackOptions } from "./stack";

export interface ProxyStack {
  stack: Stack;
  issuer: JwtIssuer;
  /** Headers a request carries when the proxy vouches for `email`. */
  as(email: string, groups?: string[]): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * A dashboard behind an (emulated) authenticating proxy: AUTH_MODE=proxy with a signed JWT
 * assertion, the test policy (one person per role), and PUBLIC_URL naming its own port.
 */
export async function startProxyStack(options: StackOptions = {}, grants: unknown[] = TEST_GRANTS): Promise<ProxyStack> {
  const issuer = await startJwtIssuer();
  const port = await freePort();
  const stack = await startStack({
    ...options,
    env: {
      AUTH_MODE: "proxy",
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PROXY_JWKS_URL: issuer.jwksUrl,
      PROXY_JWT_ISSUER: issuer.issuer,
      PROXY_JWT_AUDIENCE: issuer.audience,
      ACCESS_POLICY: writePolicy(grants),
      ACCESS_CONTACT: "ops@studio.test",
      ...options.env,
    },
  });
  return {
    stack,
    issuer,
    as: async (email, groups) => ({ authorization: `Bearer ${await issuer.assertion(email, { groups })}` }),
    async close() {
      await stack.close();
      await issuer.close();
    },
  };
}

export const proxyStackForFile = (options: StackOptions = {}, grants?: unknown[]): ProxyStack =>
  forFile(() => startProxyStack(options, grants), (s) => s.close());
