import { rmSync } from "node:fs";
import { build } from "vite";
import { openDatabase } from "../../server/db/open-database";
import { chromiumPath } from "./chromium";
import { DATA_DIR_TEMPLATE } from "./server-process";

/**
 * Before the browser journeys: find Chromium (in CI its absence is a failure; elsewhere the
 * journeys are skipped with one loud line), then build the SPA as users get it, in production
 * mode (vitest sets NODE_ENV=test, which would otherwise bundle React's dev build).
 */
export default async function setup() {
  if (!chromiumPath()) {
    if (process.env.CI) {
      throw new Error("Chromium is required in CI for the browser tests: install Debian's `chromium` (or set CHROMIUM_PATH).");
    }
    process.stderr.write(
      "\n!!! Browser tests SKIPPED: no Chromium found. Install it with `apt-get install chromium` (or set CHROMIUM_PATH). !!!\n\n",
    );
    return;
  }
  // One initialized, migrated PGlite data directory; each server process starts from a copy.
  rmSync(DATA_DIR_TEMPLATE, { recursive: true, force: true });
  const template = await openDatabase({ kind: "pglite", dataDir: DATA_DIR_TEMPLATE });
  await template.close();
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ logLevel: "warn", configFile: "vite.config.ts", mode: "production" });
  } finally {
    process.env.NODE_ENV = previous;
  }
}
