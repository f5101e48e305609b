import { z } from "zod";
import { startSimulator } from "./index";

/**
 * `npm run simulator`: the Dynamo API simulator on its own, for pointing a dashboard (or curl)
 * at it. Settings come from the environment; a fault can be injected from the start.
 */
const env = z
  .object({
    SIMULATOR_HOST: z.string().default("127.0.0.1"),
    SIMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(4010),
    SIMULATOR_SEED: z.string().default("dynamo-demo"),
    SIMULATOR_API_KEY: z.string().min(1).optional(),
    SIMULATOR_API_SECRET: z.string().min(16).optional(),
    SIMULATOR_CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
    /** A studio this many times the demo's: 50 is 260,000 VIP players and ~20,000 messages a day. */
    SIMULATOR_SCALE: z.coerce.number().min(1).max(200).default(1),
    SIMULATOR_FAULT: z
      .string()
      .optional()
      .transform((v) => (v ? (JSON.parse(v) as Record<string, unknown>) : undefined)),
  })
  .safeParse(process.env);

if (!env.success) {
  console.error(`Invalid simulator settings:\n${env.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  process.exit(1);
}
const e = env.data;
const sim = await startSimulator({
  host: e.SIMULATOR_HOST,
  port: e.SIMULATOR_PORT,
  seed: e.SIMULATOR_SEED,
  apiKey: e.SIMULATOR_API_KEY,
  apiSecret: e.SIMULATOR_API_SECRET,
  clockOffsetMs: e.SIMULATOR_CLOCK_OFFSET_MS,
  scale: e.SIMULATOR_SCALE,
  faults: e.SIMULATOR_FAULT ? [e.SIMULATOR_FAULT] : [],
  warm: true,
});

// Printing the secret is the point of this command: it is a local stand-in, not the real API.
process.stdout.write(
  [
    `Dynamo API simulator listening at ${sim.url}`,
    `  DYNAMO_API_URL=${sim.url}`,
    `  DYNAMO_API_KEY=${sim.apiKey}`,
    `  DYNAMO_API_SECRET=${sim.apiSecret}`,
    `  DYNAMO_STORAGE_HOSTS=${sim.host}`,
    "",
  ].join("\n"),
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void sim.close().then(() => process.exit(0)));
}
