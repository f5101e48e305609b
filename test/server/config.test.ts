import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config";

const LIVE = {
  DYNAMO_API_URL: "https://api.example.test/v1",
  DYNAMO_API_KEY: "key",
  DYNAMO_API_SECRET: "secret",
  DYNAMO_STORAGE_HOSTS: "storage.example.test, 127.0.0.1:9000",
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

  it("explains bad values", () => {
    expect(problemsOf({ ...LIVE, DYNAMO_API_URL: "ftp://x" })[0]).toMatch(/DYNAMO_API_URL must be an http\(s\) URL/);
    expect(problemsOf({ PORT: "99999" })[0]).toMatch(/^PORT /);
    expect(problemsOf({ ...LIVE, DYNAMO_STORAGE_HOSTS: "" })[0]).toMatch(/DYNAMO_STORAGE_HOSTS is missing/);
    expect(problemsOf({ ...LIVE, DYNAMO_STORAGE_HOSTS: "https://x/y" })[0]).toMatch(/not host\[:port\]/);
  });
});
