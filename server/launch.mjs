// `npm start`: runs the compiled server (dist/server/main.js) in this very process, so a
// supervisor's SIGTERM reaches the server itself. Builds first only when the build is missing
// or older than the sources (a fresh clone, or after an edit), so `npm install && npm start`
// works from a clone while a deployed tree (`npm ci --omit=dev`, no sources, no build tools)
// just runs what it was given.
//
// package.json's start script runs this file with the flags a laptop wants:
// --max-semi-space-size=4 keeps V8's young generation small, and --liftoff-only compiles the
// embedded PGlite's WebAssembly with V8's baseline compiler only. Its optimizing tier-up holds
// some 60 MiB of compiler memory the process never gives back, while one manager's queries
// run as fast without it (bench/scale.ts: idle RSS 265–288 MiB before, 192–207 MiB after).
// --heap-growing-percent=40 lets V8's old generation grow by 40 % between full collections
// instead of its own factor (up to 4×): under a heavy load RSS then levels near 330 MiB rather
// than creeping past 520 (bench/soak.ts), for 15–30 % fewer requests a second at 200 clients.
// It is not a cap: a big birthday month still gets the heap it needs.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const builtServer = join(root, "dist/server/main.js");
const builtSpa = join(root, "dist/public/index.html");
const SOURCES = ["src", "server", "contract", "public", "index.html", "package.json", "vite.config.ts"];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), info.mtimeMs);
}

const built = existsSync(builtServer) && existsSync(builtSpa) ? Math.min(statSync(builtServer).mtimeMs, statSync(builtSpa).mtimeMs) : 0;
const sources = Math.max(...SOURCES.map((p) => newestMtime(join(root, p))));
const canBuild = existsSync(join(root, "node_modules/vite")) && existsSync(join(root, "node_modules/esbuild"));

if (built === 0 || (sources > built && canBuild)) {
  if (!canBuild) {
    console.error("The dashboard is not built and the build tools are not installed: run `npm install && npm run build` first.");
    process.exit(1);
  }
  console.error(built === 0 ? "Building the dashboard (first start)…" : "Sources changed since the last build: building…");
  // The same `npm run build` as by hand (npm tells its own path when it started us).
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, "run", "-s", "build"], { cwd: root, stdio: "inherit" })
    : spawnSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// `npm start` execs this process, so npm passes a supervisor's SIGTERM straight on. Should npm
// itself die without doing so, this process is orphaned: stop rather than run unsupervised.
if (process.env.npm_lifecycle_event === "start") {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
  }, 1000).unref();
}

await import(builtServer);
