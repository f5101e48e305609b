import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ThrowawayPostgres {
  url: string;
  /** The cluster's processes (the postmaster and its backends), to pin to CPUs. */
  pids(): number[];
  stop(): void;
}

/**
 * A PostgreSQL cluster of the bench's own, as CI starts one for the tests (.ci/start-postgres:
 * Debian's postgresql, run as root), so a bench never writes into an operator's database.
 * Undefined where it cannot start (no postgresql, not root): the caller says so in its report.
 */
export function startThrowawayPostgres(port: number): ThrowawayPostgres | undefined {
  const note = join(mkdtempSync(join(tmpdir(), "bench-pg-")), "dir");
  let url: string;
  try {
    url = execFileSync("bash", [".ci/start-postgres"], { env: { ...process.env, PG_TEST_PORT: String(port), PG_DIR_FILE: note }, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
  const dir = readFileSync(note, "utf8").trim();
  const bin = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(a) - Number(b)).at(-1);
  const postmaster = () => Number(readFileSync(join(dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
  return {
    url,
    pids() {
      const root = postmaster();
      const children: number[] = [];
      for (const entry of readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          // Field 4 of /proc/PID/stat is the parent's pid (after the name in parentheses).
          const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
          if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === root) children.push(Number(entry));
        } catch {
          // The process ended while we looked.
        }
      }
      return [root, ...children];
    },
    stop() {
      try {
        execFileSync("runuser", ["-u", "postgres", "--", `/usr/lib/postgresql/${bin}/bin/pg_ctl`, "-D", join(dir, "data"), "stop", "-m", "fast"], { stdio: "ignore" });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
