import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "./app";
import type { Config } from "./config";
import { createLinkSigner, deriveLinkKey } from "./exports/download-links";
import { createLogger, type Logger } from "./logger";
import { startSimulator, type Simulator } from "./simulator/index";
import { createUpstreamClient } from "./upstream/client";

export interface RunningDashboard {
  url: string;
  server: Server;
  logger: Logger;
  /** The embedded simulator in demo mode. */
  simulator: Simulator | undefined;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>;
}

export const DEFAULT_DIST_DIR = resolvePath(dirname(fileURLToPath(import.meta.url)), "../dist");

/**
 * Starts the dashboard: against the real API when configured, otherwise against an embedded
 * simulator with a freshly generated key and secret, signed exactly as the real API would be.
 */
export async function startDashboard(
  config: Config,
  options: { logger?: Logger; distDir?: string } = {},
): Promise<RunningDashboard> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const simulator = config.live ? undefined : await startSimulator({ seed: config.demoSeed, warm: true });
  const target = config.live ?? {
    baseUrl: new URL((simulator as Simulator).url),
    apiKey: (simulator as Simulator).apiKey,
    apiSecret: (simulator as Simulator).apiSecret,
    storageHosts: [(simulator as Simulator).host],
  };
  const upstream = createUpstreamClient({ ...target, timeouts: config.timeouts });
  const app = createApp({
    logger,
    distDir: options.distDir ?? DEFAULT_DIST_DIR,
    upstream,
    mode: config.live ? "live" : "demo",
    signer: createLinkSigner(deriveLinkKey(config.downloadLinkKey, target.apiSecret)),
    storageHosts: () => target.storageHosts,
    headTimeoutMs: config.timeouts.exportAttemptMs,
  });

  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(":") ? `[${address}]` : address}:${port}`;

  let closing: Promise<void> | undefined;
  const close = (graceMs = 10_000) =>
    (closing ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections go idle as their last response finishes: close each as it does.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const force = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearInterval(sweep);
      clearTimeout(force);
      await simulator?.close();
    })());

  return { url, server, logger, simulator, close };
}
