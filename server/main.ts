import { ConfigError, loadConfig } from "./config";
import { startDashboard } from "./start";

/** Entry point: parse the configuration, start, and shut down gracefully on SIGTERM/SIGINT. */
let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const dashboard = await startDashboard(config);
if (dashboard.simulator) {
  dashboard.logger.info(
    { url: dashboard.url, simulator: dashboard.simulator.url },
    `Demo mode: no DYNAMO_API_* configured, serving simulated Dynamo data. Dashboard at ${dashboard.url}`,
  );
} else {
  dashboard.logger.info({ url: dashboard.url }, `Dashboard at ${dashboard.url}`);
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    dashboard.logger.info({ signal, graceSeconds: config.shutdownGraceMs / 1000 }, "shutting down: finishing in-flight requests");
    dashboard.close(config.shutdownGraceMs).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
