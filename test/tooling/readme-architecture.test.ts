import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

function folders(dir: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((name) => statSync(join(ROOT, dir, name)).isDirectory())
    .flatMap((name) => [`${dir}/${name}`, ...folders(`${dir}/${name}`)]);
}

const topFiles = (dir: string) =>
  readdirSync(join(ROOT, dir)).filter((name) => statSync(join(ROOT, dir, name)).isFile() && /\.(ts|mjs)$/.test(name));

/** The README's Architecture section, the newcomer's map of the tree. */
const architecture = (() => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf("## Architecture");
  return readme.slice(start, readme.indexOf("\n## ", start + 1) === -1 ? undefined : readme.indexOf("\n## ", start + 1));
})();

/**
 * A folder is named when its path appears from some level down (`features/workspace/`,
 * `test/server/http/`), or its name inside a `{a,b}` group of its parent's path.
 */
function named(folder: string): boolean {
  const parts = folder.split("/");
  for (let i = 0; i < parts.length; i++) if (architecture.includes(`${parts.slice(i).join("/")}/`)) return true;
  const parent = parts.slice(0, -1).join("/");
  const name = parts.at(-1)!;
  return [...architecture.matchAll(/`([\w/.-]*)\/\{([\w,]+)\}\/?`/g)].some(([, base, group]) => parent.endsWith(base!) && group!.split(",").includes(name));
}

describe("the README's architecture", () => {
  it.each(["server", "src", "test"])("names every folder of %s/", (tree) => {
    expect(folders(tree).filter((folder) => !named(folder))).toEqual([]);
  });

  it.each(["server", "contract"])("names every file at the top of %s/", (tree) => {
    expect(topFiles(tree).filter((file) => !architecture.includes(`\`${file}\``))).toEqual([]);
  });
});
