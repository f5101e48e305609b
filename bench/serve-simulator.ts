import { startSimulator } from "../server/simulator/index";

/** Child process for the benchmark: a warmed simulator; prints its coordinates as one JSON line. */
const sim = await startSimulator({ warm: true });
process.stdout.write(`${JSON.stringify({ url: sim.url, host: sim.host, apiKey: sim.apiKey, apiSecret: sim.apiSecret })}\n`);
process.once("SIGTERM", () => void sim.close().then(() => process.exit(0)));
