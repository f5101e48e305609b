import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * The folder graph drawn from the imports: an edge from each first-level folder of `tree` to
 * every other first-level folder one of its files imports (relatively). Files at the tree's top
 * (composition roots: app, routes table, entry) are left out: they import, nothing imports them.
 */
function folderGraph(tree: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const top = join(ROOT, tree);
  const folderOf = (path: string) => relative(top, path).split("/")[0]!;
  for (const file of files(top)) {
    const from = folderOf(file);
    if (from === relative(top, file)) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const [, spec] of readFileSync(file, "utf8").matchAll(/from "(\.[^"]+)"/g)) {
      const target = resolve(dirname(file), spec!);
      if (!target.startsWith(`${top}/`)) continue;
      const to = folderOf(target);
      if (to !== from && statSync(join(top, to), { throwIfNoEntry: false })?.isDirectory()) edges.add(to);
    }
  }
  return graph;
}

/** Each cycle found, as "a → b → a". */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const visit = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) found.push([...path.slice(at), next].join(" → "));
      else visit(next, [...path, next]);
    }
  };
  for (const node of graph.keys()) visit(node, [node]);
  return [...new Set(found)];
}

describe("no folder imports one that imports it back", () => {
  it.each(["server", "src", "src/features"])("%s", (tree) => {
    const graph = folderGraph(tree);
    expect(graph.size).toBeGreaterThan(2);
    expect(cycles(graph)).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    expect(cycles(new Map([["a", new Set(["b"])], ["b", new Set(["c"])], ["c", new Set(["a"])]]))).toContain("a → b → c → a");
  });
});
