import { afterAll, beforeAll } from "vitest";
import { startSimulator, type Simulator, type SimulatorOptions } from "../../server/simulator/index";
import { startStack, type StackOptions, type Stack } from "./stack";

/**
 * A resource shared by one test file: started before its tests, closed after them. The
 * returned object stands for the resource itself, so a file reads `stack.api(…)` rather than
 * juggling a variable assigned in beforeAll.
 */
export function forFile<T extends object>(start: () => Promise<T>, stop: (resource: T) => Promise<void>): T {
  let resource: T | undefined;
  beforeAll(async () => {
    resource = await start();
  });
  afterAll(async () => {
    if (resource) await stop(resource);
  });
  return new Proxy({} as T, {
    get(_target, key) {
      if (!resource) throw new Error(`used before beforeAll started it (reading ${String(key)})`);
      const value: unknown = Reflect.get(resource, key);
      return typeof value === "function" ? value.bind(resource) : value;
    },
  });
}

/** A simulator and a live-mode dashboard in front of it, for this file's tests. */
export const stackForFile = (options: StackOptions = {}): Stack => forFile(() => startStack(options), (s) => s.close());

/** A simulator alone, for this file's tests. */
export const simulatorForFile = (options: SimulatorOptions = {}): Simulator =>
  forFile(() => startSimulator(options), (s) => s.close());
