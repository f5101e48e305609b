import { startSimulator } from "../server/simulator/index";

/** Child process for the benchmark: a warmed simulator (SIMULATOR_SCALE: a bigger studio); prints its coordinates as one JSON line. */
const sim = await startSimulator({ warm: true, scale: Number(process.env.SIMULATOR_SCALE ?? 1) });
process.stdout.write(`${JSON.stringify({ url: sim.url, host: sim.host, apiKey: sim.apiKey, apiSecret: sim.apiSecret })}\n`);
process.once("SIGTERM", () => void sim.close().then(() => process.exit(0)));
