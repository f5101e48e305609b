import { spawn, type ChildProcess } from "node:child_process";

/**
 * `npm run dev`: the API server (restarted by tsx on change) and Vite's dev server (hot
 * reload), with Vite proxying /api to the API server. Ctrl-C stops both.
 */
const apiPort = process.env.DEV_API_PORT ?? "8787";
// Vite keeps the browser's Host (127.0.0.1:5173) when it proxies: the API server must answer for it.
const devHosts = "127.0.0.1:5173,localhost:5173";
const env = {
  ...process.env,
  PORT: apiPort,
  DEV_API_PORT: apiPort,
  ALLOWED_HOSTS: process.env.ALLOWED_HOSTS ? `${process.env.ALLOWED_HOSTS},${devHosts}` : devHosts,
};

const children: ChildProcess[] = [
  spawn(process.execPath, ["--import", "tsx", "node_modules/tsx/dist/cli.mjs", "watch", "--clear-screen=false", "server/main.ts"], {
    env,
    stdio: "inherit",
  }),
  spawn(process.execPath, ["node_modules/vite/bin/vite.js"], { env, stdio: "inherit" }),
];

const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, stop);
for (const child of children) {
  child.once("exit", (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
}
