import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The production path, as an operator runs it: `npm run build` in a copy of the repository,
 * then only package.json, the lock file, the launcher and dist/ installed with
 * `npm ci --omit=dev` in a fresh directory, started with plain node, and stopped by SIGTERM.
 */
const ROOT = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "dashboard-prod-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(): string {
  const source = join(work, "source");
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(source, file)), { recursive: true });
    cpSync(join(ROOT, file), join(source, file));
  }
  symlinkSync(join(ROOT, "node_modules"), join(source, "node_modules"));
  // As an operator builds: NODE_ENV=production (vitest sets "test", which would bundle React's dev build).
  execFileSync("npm", ["run", "-s", "build"], { cwd: source, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
  return source;
}

function install(source: string): string {
  const deployed = join(work, "deployed");
  for (const file of ["package.json", "package-lock.json", "server/launch.mjs", "dist"]) {
    cpSync(join(source, file), join(deployed, file), { recursive: true });
  }
  execFileSync("npm", ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: deployed, stdio: "pipe" });
  return deployed;
}

async function start(cwd: string, env: Record<string, string>) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["server/launch.mjs"], {
    cwd,
    env: { ...inherited, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", DATA_DIR: join(cwd, "data"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stderr.on("data", (c) => output.push(String(c)));
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string | undefined>((done) => {
    lines.on("line", (line) => {
      output.push(line);
      const match = /Dashboard at (http:\/\/[^\s"]+)/.exec(line);
      if (match) done(match[1]);
    });
    child.once("exit", () => done(undefined));
  });
  return { child, url, output };
}

describe("a production install", () => {
  it("builds, installs without devDependencies, serves the dashboard, and stops cleanly on SIGTERM", async () => {
    const deployed = install(build());
    expect(readdirSync(join(deployed, "node_modules"))).not.toContain("vite");
    expect(readdirSync(join(deployed, "node_modules"))).not.toContain("react");

    const refused = await start(deployed, {});
    expect(refused.url).toBeUndefined();
    expect(refused.output.join("\n")).toMatch(/NODE_ENV=production but no Dynamo API is configured.*DEMO=1/);

    const server = await start(deployed, { DEMO: "1" });
    if (!server.url) throw new Error(`the server did not start:\n${server.output.join("\n")}`);
    const index = await fetch(`${server.url}/`, { headers: { accept: "text/html" } });
    expect(index.status).toBe(200);
    const html = await index.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${server.url}${script}`)).status).toBe(200);
    // No public source maps.
    expect((await fetch(`${server.url}${script}.map`)).status).toBe(404);
    expect(readdirSync(join(deployed, "dist/public/assets")).some((f) => f.endsWith(".map"))).toBe(false);
    // A lazy view's page names its chunks (the build's route-preloads.json), each one served.
    const birthdays = await (await fetch(`${server.url}/birthdays`, { headers: { accept: "text/html" } })).text();
    const preloads = [...birthdays.matchAll(/rel="modulepreload" crossorigin href="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(preloads.some((file) => /\/birthdays-route-[\w-]+\.js$/.test(file))).toBe(true);
    for (const file of preloads) expect((await fetch(`${server.url}${file}`)).status).toBe(200);
    const users = await fetch(`${server.url}/api/vip-users?workspaceId=ws_aurora&mediumId=ch_aurora_messenger&limit=2`);
    expect(users.status).toBe(200);

    server.child.kill("SIGTERM");
    const [code] = (await once(server.child, "exit")) as [number | null];
    expect(code).toBe(0);
  });
});
