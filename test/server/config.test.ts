import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config";
import { writePolicy } from "../helpers/identities";

const LIVE = {
  DYNAMO_API_URL: "https://api.example.test/v1",
  DYNAMO_API_KEY: "key",
  DYNAMO_API_SECRET: "secret",
  DYNAMO_STORAGE_HOSTS: "storage.example.test, 127.0.0.1:9000",
  NOTIFY_ENCRYPTION_KEY: "bm90aWZ5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=",
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("runs in demo mode with nothing set, on 127.0.0.1:8080", () => {
    const config = loadConfig({});
    expect(config.live).toBeUndefined();
    expect(config).toMatchObject({ port: 8080, host: "127.0.0.1" });
    expect(config.timeouts.listDeadlineMs).toBe(20_000);
    expect(config.timeouts.exportDeadlineMs).toBeGreaterThan(20_000);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ DYNAMO_API_KEY: "", PORT: "" }).live).toBeUndefined();
  });

  it("runs live with all three credentials and storage hosts", () => {
    const config = loadConfig(LIVE);
    expect(config.live?.baseUrl.href).toBe("https://api.example.test/v1");
    expect(config.live?.storageHosts).toEqual(["storage.example.test", "127.0.0.1:9000"]);
  });

  it("names each missing credential when only some are set", () => {
    const problems = problemsOf({ DYNAMO_API_KEY: "key" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^DYNAMO_API_URL is missing/);
    expect(problems[1]).toMatch(/^DYNAMO_API_SECRET is missing/);
  });

  it("takes a conversation link template only with {conversationId} in it", () => {
    expect(loadConfig({}).conversationUrl).toBeNull();
    expect(loadConfig({ DYNAMO_CONVERSATION_URL: "https://app.dynamo.example/c/{conversationId}" }).conversationUrl).toBe("https://app.dynamo.example/c/{conversationId}");
    expect(problemsOf({ DYNAMO_CONVERSATION_URL: "https://app.dynamo.example/c/" }).join()).toMatch(/DYNAMO_CONVERSATION_URL.*\{conversationId\}/);
    expect(problemsOf({ DYNAMO_CONVERSATION_URL: "javascript:alert(1)//{conversationId}" }).join()).toMatch(/DYNAMO_CONVERSATION_URL/);
  });

  it("explains bad values", () => {
    expect(problemsOf({ ...LIVE, DYNAMO_API_URL: "ftp://x" })[0]).toMatch(/DYNAMO_API_URL must be an http\(s\) URL/);
    expect(problemsOf({ PORT: "99999" })[0]).toMatch(/^PORT /);
    expect(problemsOf({ ...LIVE, DYNAMO_STORAGE_HOSTS: "" })[0]).toMatch(/DYNAMO_STORAGE_HOSTS is missing/);
    expect(problemsOf({ ...LIVE, DYNAMO_STORAGE_HOSTS: "https://x/y" })[0]).toMatch(/not host\[:port\]/);
  });
});

describe("sign-in settings", () => {
  it("refuses local mode (no AUTH_MODE) on a non-loopback HOST, naming what to set", () => {
    const [problem] = problemsOf({ HOST: "0.0.0.0" });
    expect(problem).toMatch(/HOST=0\.0\.0\.0 is not a loopback address/);
    expect(problem).toMatch(/AUTH_MODE=oidc/);
    expect(problem).toMatch(/AUTH_MODE=proxy/);
    expect(loadConfig({ HOST: "localhost" }).auth.mode).toBe("none");
    expect(loadConfig({ HOST: "::1" }).auth.mode).toBe("none");
  });

  it("names every missing variable of oidc and proxy modes", () => {
    const oidc = problemsOf({ AUTH_MODE: "oidc", HOST: "0.0.0.0" }).join("\n");
    for (const name of ["PUBLIC_URL", "ACCESS_POLICY", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]) expect(oidc).toContain(`${name} is missing`);
    const proxy = problemsOf({ AUTH_MODE: "proxy", PUBLIC_URL: "https://vip.example", PROXY_EMAIL_HEADER: "x-forwarded-email" }).join("\n");
    expect(proxy).toContain("TRUSTED_PROXY_CIDRS is missing");
    expect(problemsOf({ AUTH_MODE: "proxy", PROXY_JWKS_URL: "https://idp.example/jwks" }).join("\n")).toMatch(/go together/);
  });

  it("reads the access policy and explains a bad one", () => {
    const good = writePolicy([{ email: "ana@studio.example", workspace: "ws_aurora", role: "analyst" }, { group: "cm-leads", workspace: "*", role: "admin" }]);
    const config = loadConfig({ AUTH_MODE: "proxy", PUBLIC_URL: "https://vip.example", PROXY_EMAIL_HEADER: "x-email", TRUSTED_PROXY_CIDRS: "10.0.0.0/8", ACCESS_POLICY: good });
    expect(config.policy?.grants).toHaveLength(2);
    const bad = writePolicy([{ email: "ana@studio.example", workspace: "ws_aurora", role: "owner" }, { workspace: "*", role: "admin" }]);
    const problems = problemsOf({ ACCESS_POLICY: bad });
    expect(problems.join("\n")).toMatch(/grants\.0\.role/);
    expect(problems.join("\n")).toMatch(/grants\.1 give exactly one of email or group/);
    expect(problemsOf({ ACCESS_POLICY: "/nonexistent/policy.json" })[0]).toMatch(/cannot be read \(ENOENT\)/);
  });

  it("uses PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@db.example/dash" }).database).toEqual({ kind: "postgres", url: "postgres://u@db.example/dash" });
    expect(loadConfig({ DATA_DIR: "/var/lib/dash" }).database).toEqual({ kind: "pglite", dataDir: "/var/lib/dash" });
    expect(problemsOf({ DATABASE_URL: "mysql://x" })[0]).toMatch(/DATABASE_URL must be a postgres/);
  });
});

describe("production", () => {
  it("asks for demo mode explicitly under NODE_ENV=production", () => {
    expect(problemsOf({ NODE_ENV: "production" })[0]).toMatch(/NODE_ENV=production but no Dynamo API is configured: set DYNAMO_API_URL.*or DEMO=1/);
    expect(loadConfig({ NODE_ENV: "production", DEMO: "1" }).live).toBeUndefined();
    expect(loadConfig({ NODE_ENV: "production", ...LIVE }).live).toBeDefined();
  });
});

describe("notifications", () => {
  it("needs a 32-byte NOTIFY_ENCRYPTION_KEY against the real API, and none in demo mode", () => {
    const { NOTIFY_ENCRYPTION_KEY: _key, ...withoutKey } = LIVE;
    expect(problemsOf(withoutKey)).toEqual([expect.stringMatching(/^NOTIFY_ENCRYPTION_KEY is missing: 32 random bytes in base64/)]);
    expect(problemsOf({ ...LIVE, NOTIFY_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") })).toEqual([expect.stringMatching(/must be 32 random bytes/)]);
    expect(loadConfig(LIVE).notify.encryptionKey?.length).toBe(32);
    expect(loadConfig({}).notify).toMatchObject({ encryptionKey: undefined, smtpUrl: undefined, webhookHosts: ["hooks.slack.com", "discord.com", "discordapp.com"], alertCheckMs: 900_000 });
  });

  it("refuses an SMTP_URL that is not smtp(s) and a destination list that is not host[:port]", () => {
    expect(problemsOf({ SMTP_URL: "http://mail.example" })[0]).toMatch(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(problemsOf({ NOTIFY_WEBHOOK_HOSTS: "hooks.slack.com, https://x/y" })[0]).toMatch(/NOTIFY_WEBHOOK_HOSTS has entries that are not host\[:port\]: https:\/\/x\/y/);
  });
});
