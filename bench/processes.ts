import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

const children = new Set<ChildProcess>();
// A bench that fails half-way must not leave servers running behind it.
process.once("exit", () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
});

/**
 * Starts `node <script>` (a compiled `.js`, as in production) or `node --import tsx <script>`
 * (TypeScript tools) and resolves with the first stdout line that matches.
 */
export async function startChild(script: string, env: Record<string, string>, ready: RegExp, timeoutMs = 30_000, nodeArgs: string[] = []): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, [...nodeArgs, ...(/\.m?js$/.test(script) ? [script] : ["--import", "tsx", script])], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.add(child);
  const lines = createInterface({ input: child.stdout! });
  const timeout = setTimeout(() => child.kill(), timeoutMs);
  for await (const line of lines) {
    if (ready.test(line)) {
      clearTimeout(timeout);
      // Keep draining stdout so the child never blocks on a full pipe.
      lines.on("line", () => undefined);
      return { child, line };
    }
  }
  throw new Error(`${script} exited before it was ready`);
}

/** CPU time (user + system) a child has used so far, in ms, from /proc (Linux). */
export function cpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return NaN;
  }
}

/** Resident memory and its peak (VmRSS, VmHWM) of a child, in MiB, from /proc (Linux). */
export function memoryMiB(pid: number | undefined): { rss: number; peak: number } {
  const status = pid ? readFileSync(`/proc/${pid}/status`, "utf8") : "";
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
  return { rss: field("VmRSS"), peak: field("VmHWM") };
}

/**
 * Confines a process and all its threads (V8's GC and compiler threads, libuv's pool) to the
 * given CPUs, e.g. "1" or "0-1", with util-linux's taskset. False where that cannot be done
 * (no taskset, one CPU), so a report can say it measured on shared cores instead.
 */
export function pinToCpus(pid: number | undefined, cpuList: string): boolean {
  if (!pid) return false;
  try {
    execFileSync("taskset", ["--all-tasks", "--cpu-list", "--pid", cpuList, String(pid)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export async function stopAll() {
  await Promise.all(
    [...children].map(async (child) => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
    }),
  );
}

/** The node flags `npm start` runs with (package.json's start script), so a bench runs what a newcomer runs. */
export function npmStartFlags(): string[] {
  const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
  return start.split(" ").filter((word) => word.startsWith("--"));
}

/** Where a benchmark's simulator listens, and its credentials (bench/serve-simulator.ts prints them). */
export interface SimulatorCoordinates {
  url: string;
  host: string;
  apiKey: string;
  apiSecret: string;
}

/**
 * The compiled dashboard in live mode in front of a benchmark's simulator, in a fresh data folder,
 * with the API key's budget and the per-person limit out of the way: a bench measures the server,
 * not the vendor's quota.
 */
export function liveDashboardEnv(sim: SimulatorCoordinates, dataPrefix: string): Record<string, string> {
  return {
    NODE_ENV: "production",
    DYNAMO_API_URL: sim.url,
    DYNAMO_API_KEY: sim.apiKey,
    DYNAMO_API_SECRET: sim.apiSecret,
    DYNAMO_STORAGE_HOSTS: sim.host,
    // Live mode seals notification destinations with a key of its own.
    NOTIFY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    PORT: "0",
    LOG_LEVEL: "info",
    DATA_DIR: mkdtempSync(join(tmpdir(), dataPrefix)),
    UPSTREAM_MAX_RPS: "10000",
    UPSTREAM_MAX_CONCURRENCY: "1000",
    USER_REQUESTS_PER_MINUTE: "1000000",
  };
}
