import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

export interface ServerProcess {
  url: string;
  logs: string[];
  stop(): Promise<void>;
}

/**
 * The real dashboard server as its own process (`node --import tsx server/main.ts`) on a free
 * port: demo mode when `env` names no upstream. Resolves once it logs its URL.
 */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
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
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
