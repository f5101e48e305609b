import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** What a module imports at run time: `import type` and `export type` lines are erased by the build. */
function runtimeImports(source: string): string[] {
  const specs: string[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+"([^"]+)"/gms)) {
    if (match[2]) continue;
    specs.push(match[4]!);
  }
  for (const match of source.matchAll(/^\s*import\s+"([^"]+)"/gm)) specs.push(match[1]!);
  for (const match of source.matchAll(/import\(\s*"([^"]+)"\s*\)/g)) specs.push(match[1]!);
  return specs;
}

function resolveModule(from: string, spec: string): string | undefined {
  const base = spec.startsWith("#contract/") ? join(ROOT, "contract", spec.slice("#contract/".length)) : spec.startsWith(".") ? resolve(dirname(from), spec) : undefined;
  if (!base) return undefined;
  return [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((path) => existsSync(path));
}

/**
 * Every package the SPA's code reaches at run time, with one path to it: from each file of
 * src/ through its value imports, into contract/ too.
 */
function packagesReached(): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, path: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of runtimeImports(readFileSync(file, "utf8"))) {
      const target = resolveModule(file, spec);
      if (target) walk(target, [...path, relative(ROOT, target)]);
      else if (!spec.startsWith(".") && !spec.startsWith("#") && !reached.has(spec)) reached.set(spec, path);
    }
  };
  for (const file of files(join(ROOT, "src")).filter((f) => !/\.test\.tsx?$/.test(f))) walk(file, [relative(ROOT, file)]);
  return reached;
}

describe("the SPA's bundle", () => {
  it("carries no zod: the pages read the contract's zod-free modules (rules, limits, types), and only the server validates with the schemas", () => {
    const reached = packagesReached();
    // The walk works: it does reach the packages the pages are built on.
    expect([...reached.keys()]).toEqual(expect.arrayContaining(["react", "@tanstack/react-query"]));
    const zod = [...reached].filter(([spec]) => spec === "zod" || spec.startsWith("zod/"));
    expect(zod.map(([spec, path]) => `${spec} via ${path.join(" → ")}`)).toEqual([]);
  });
});
