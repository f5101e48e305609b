import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "../config";
import { startDashboard } from "../start";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { startDemoIdentityProvider } from "./identity-provider";

/**
 * `npm run demo:sso`: the demo with sign-in. A local OpenID provider (oidc-provider) lists one
 * demo account per role; the dashboard signs in through it exactly as through a real one
 * (AUTH_MODE=oidc), with roles from demo-access-policy.json.
 */
const port = Number(process.env.PORT ?? 8080);
const publicUrl = process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}`;
const provider = await startDemoIdentityProvider({ dashboardUrl: publicUrl, port: Number(process.env.SSO_PORT ?? 8081) });

let config;
try {
  config = loadConfig({
    DATA_DIR: "./data/demo-sso",
    ACCESS_CONTACT: "Ada Admin (ada.admin@studio.demo)",
    ...process.env,
    PORT: String(port),
    AUTH_MODE: "oidc",
    PUBLIC_URL: publicUrl,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_SCOPES: "openid email profile groups",
    ACCESS_POLICY: fileURLToPath(new URL("./demo-access-policy.json", import.meta.url)),
  });
} catch (error) {
  await provider.close();
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const dashboard = await startDashboard(config);
dashboard.logger.info(
  { url: publicUrl, identityProvider: provider.issuer, accounts: DEMO_ACCOUNTS.map((a) => a.email) },
  `Demo with sign-in: open ${publicUrl} and choose a demo account. Dashboard at ${dashboard.url}`,
);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void Promise.all([dashboard.close(), provider.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
