import type { ReadyAnswer } from "#contract/dashboard-api";
import type { AppDatabase } from "./db/open-database";
import type { Drain } from "./http/drain";
import type { UpstreamClient } from "./upstream/client";

/** The upstream is probed at most this often: readiness must not spend the vendor's quota. */
const UPSTREAM_PROBE_EVERY_MS = 15_000;

/**
 * Readiness for load balancers: not draining, the database answers, and the Dynamo API
 * answered a cheap call (GET /workspaces) within the last probe period.
 */
export function createReadiness(deps: { drain: Drain; database: AppDatabase; upstream: UpstreamClient; now?: () => number }) {
  const now = deps.now ?? (() => Date.now());
  let lastProbe: { at: number; ok: boolean } | undefined;
  let probing: Promise<boolean> | undefined;

  const upstreamOk = async (): Promise<boolean> => {
    if (lastProbe && now() - lastProbe.at < UPSTREAM_PROBE_EVERY_MS) return lastProbe.ok;
    probing ??= deps.upstream
      .get("/workspaces", new URLSearchParams(), "list")
      .then((outcome) => outcome.kind === "response" && outcome.status === 200)
      .catch(() => false)
      .then((ok) => {
        lastProbe = { at: now(), ok };
        probing = undefined;
        return ok;
      });
    return probing;
  };

  return async (): Promise<ReadyAnswer> => {
    const draining = deps.drain.draining;
    const [database, upstream] = await Promise.all([
      deps.database.ping().then(
        () => "ok" as const,
        () => "failing" as const,
      ),
      draining ? Promise.resolve(lastProbe?.ok ?? false) : upstreamOk(),
    ]);
    const checks = { draining, database, upstream: upstream ? ("ok" as const) : ("failing" as const) };
    return { ready: !draining && database === "ok" && upstream, checks };
  };
}
