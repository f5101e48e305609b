import { fileURLToPath } from "node:url";
import { startDemoIdentityProvider, type DemoIdentityProvider } from "../../server/demo/identity-provider";
import { freePort } from "./identities";
import { startStack, type Stack, type StackOptions } from "./stack";

export const DEMO_POLICY = fileURLToPath(new URL("../../server/demo/demo-access-policy.json", import.meta.url));

export interface SsoStack {
  provider: DemoIdentityProvider;
  stacks: Stack[];
  publicUrl: string;
  close(): Promise<void>;
}

/**
 * The demo identity provider and one or more dashboards (AUTH_MODE=oidc) on the same port
 * range: all dashboards share PUBLIC_URL's host through ALLOWED_HOSTS, as instances behind one
 * load balancer would, and may share a database.
 */
export async function startSsoStack(options: { instances?: StackOptions[] } = {}): Promise<SsoStack> {
  const ports = await Promise.all((options.instances ?? [{}]).map(() => freePort()));
  const publicUrl = `http://127.0.0.1:${ports[0]}`;
  const provider = await startDemoIdentityProvider({ dashboardUrl: publicUrl });
  const stacks: Stack[] = [];
  for (const [i, instance] of (options.instances ?? [{}]).entries()) {
    stacks.push(
      await startStack({
        ...instance,
        env: {
          AUTH_MODE: "oidc",
          PORT: String(ports[i]),
          PUBLIC_URL: publicUrl,
          ALLOWED_HOSTS: ports.map((p) => `127.0.0.1:${p}`).join(","),
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: provider.clientId,
          OIDC_CLIENT_SECRET: provider.clientSecret,
          OIDC_SCOPES: "openid email profile groups",
          ACCESS_POLICY: DEMO_POLICY,
          ...instance.env,
        },
      }),
    );
  }
  return {
    provider,
    stacks,
    publicUrl,
    async close() {
      for (const stack of stacks) await stack.close();
      await provider.close();
    },
  };
}
