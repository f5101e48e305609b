import { afterEach, beforeEach, vi } from "vitest";

/**
 * Any console.error or console.warn a test did not expect fails it: React warnings, failed
 * prop types and unhandled errors are bugs, not noise. A test that expects one calls
 * `allowConsole()` first.
 */
let allowed = false;
let calls: unknown[][] = [];

export function allowConsole() {
  allowed = true;
}

beforeEach(() => {
  allowed = false;
  calls = [];
  for (const method of ["error", "warn"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      calls.push([method, ...args]);
    });
  }
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  vi.mocked(console.warn).mockRestore();
  if (!allowed && calls.length > 0) {
    const text = calls.map((c) => c.map((a) => (a instanceof Error ? a.stack : String(a))).join(" ")).join("\n");
    throw new Error(`Unexpected console output:\n${text}`);
  }
});
