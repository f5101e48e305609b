import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

/** Prepared once by the global setup (per checkout): a fresh server copies it instead of running initdb. */
export const DATA_DIR_TEMPLATE = join(tmpdir(), `dynamo-e2e-data-template-${createHash("sha256").update(process.cwd()).digest("hex").slice(0, 12)}`);

export interface ServerProcess {
  url: string;
  logs: string[];
  stop(): Promise<void>;
  /** Ends the process at once (SIGKILL): no shutdown, no flushing, as a crash would. */
  kill(): Promise<void>;
}

/**
 * The real dashboard server as its own process (`node --import tsx server/main.ts`) on a free
 * port: demo mode when `env` names no upstream. Resolves once it logs its URL.
 */
export async function startServerProcess(env: Record<string, string> = {}, entry = "server/main.ts"): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), "dynamo-e2e-data-"));
  // Without the browser projects' setup (a file run on its own) the server makes its own database.
  if (existsSync(DATA_DIR_TEMPLATE)) cpSync(DATA_DIR_TEMPLATE, dataDir, { recursive: true });
  // Each server its own embedded database, whatever DATABASE_URL the PostgreSQL tests use.
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", entry], {
    env: { ...inherited, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  child.stderr!.on("data", (chunk) => logs.push(String(chunk)));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs.join("")}`)), 60_000);
    lines.on("line", (line) => {
      logs.push(line);
      const match = /Dashboard at (http:\/\/[^\s"]+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${logs.join("\n")}`)));
  });
  return {
    url,
    logs,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await once(child, "exit");
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
