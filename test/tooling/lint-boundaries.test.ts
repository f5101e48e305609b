import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The project's own .oxlintrc.json, run over a scratch tree laid out like the repository, so a
 * deliberate cross-boundary import shows the rule failing (and a legal one passing).
 */
const ROOT = resolve(import.meta.dirname, "../..");
const OXLINT = join(ROOT, "node_modules/oxlint/bin/oxlint");
const scratch = mkdtempSync(join(tmpdir(), "lint-boundaries-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let n = 0;
async function lint(path: string, source: string): Promise<{ failed: boolean; output: string }> {
  const dir = join(scratch, `case-${(n += 1)}`);
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  copyFileSync(join(ROOT, ".oxlintrc.json"), join(dir, ".oxlintrc.json"));
  writeFileSync(join(dir, path), source);
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [OXLINT, "--deny-warnings", path], { cwd: dir });
    return { failed: false, output: stdout };
  } catch (error) {
    return { failed: true, output: String((error as { stdout?: string }).stdout) };
  }
}

describe("import boundaries (npm run lint)", () => {
  it.each([
    ["server/http/x.ts", 'import { a } from "../../src/lib/api-client";', "never imports the SPA"],
    ["src/lib/x.ts", 'import { a } from "../../server/config";', "never imports the server"],
    ["src/features/vip-users/x.ts", 'import { a } from "../label-overview/api";', "never imports another feature"],
    ["src/features/vip-users/parts/x.ts", 'import { a } from "../../workspace/api";', "never imports another feature"],
    ["src/features/vip-users/x.ts", 'import { a } from "../../features/workspace/api";', "never imports another feature"],
    ["contract/x.ts", 'import { a } from "../server/config";', "imports neither"],
    ["contract/x.ts", 'import { a } from "../src/lib/api-client";', "imports neither"],
    ["server/x.ts", 'import { a } from "../contract/dates";', "#contract/"],
    ["src/lib/x.ts", 'import { a } from "../features/vip-users/api";', "never import a feature"],
    ["src/components/parts/x.tsx", 'import { a } from "../../features/vip-users/api";', "never import a feature"],
    ["src/components/x.tsx", 'import { a } from "../app/shell-context";', "never import a feature, a route or the app shell"],
    ["src/features/vip-users/x.ts", 'import { a } from "../../routes/users-route";', "never imports routes or the app shell"],
    ["src/features/vip-users/x.ts", 'import { a } from "../../app/shell-context";', "never imports routes or the app shell"],
    ["server/http/x.ts", 'import { a } from "../exports/create-export-handler";', "framework only"],
    ["server/http/x.ts", 'import { a } from "../audit/audit-log";', "framework only"],
  ])("%s importing %s fails", async (path, source, why) => {
    const result = await lint(path, `${source}\nexport const b = a;\n`);
    expect(result.failed).toBe(true);
    expect(result.output).toContain(why);
  });

  it.each([
    ["src/features/vip-users/x.ts", 'import { a } from "../../components/feedback";'],
    ["src/features/vip-users/x.ts", 'import { a } from "./api";'],
    ["src/routes/x.ts", 'import { a } from "../features/vip-users/api";'],
    ["server/x.ts", 'import { a } from "#contract/dates";'],
    ["contract/x.ts", 'import { a } from "./dates";'],
    ["src/components/x.tsx", 'import { a } from "../lib/api-client";'],
    ["server/http/x.ts", 'import { a } from "../upstream/client";'],
    ["server/exports/x.ts", 'import { a } from "../http/api-handler";'],
  ])("%s importing %s passes", async (path, source) => {
    const result = await lint(path, `${source}\nexport const b = a;\n`);
    expect(result.output).toContain("0 errors");
    expect(result.failed).toBe(false);
  });
});
