import type { LookupAddress } from "node:dns";
import { createRequestStore } from "../../../server/access/request-store";
import { createAuditLog } from "../../../server/audit/audit-log";
import type { AppDatabase } from "../../../server/db/open-database";
import type { Grants } from "../../../server/identity/principal";
import { createLogger } from "../../../server/logger";
import { createNotifyService, type NotifyServiceOptions } from "../../../server/notify/notify-service";
import type { Simulator } from "../../../server/simulator/index";
import { createUpstreamClient } from "../../../server/upstream/client";

export const KEY = Buffer.alloc(32, 7);
export const SCOPE = { workspaceId: "ws_aurora", channelId: "ch_aurora_messenger" };
export const OWNER = { subject: "local", email: null, name: "Local user", groups: [] };
export const ADMIN_EVERYWHERE: Grants = new Map([["*", "admin"]]);

/** A fake clock the outbox and worker read (the database compares against it, never its own now()). */
export function testClock(start = Date.now()) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms), set: (ms: number) => (t = ms) };
}

/** Names resolve as the test says (a public name pointing inside, the metadata address…). */
export function fixedLookup(names: Record<string, string>) {
  return ((hostname: string, _options: unknown, callback: (error: Error | null, addresses: LookupAddress[]) => void) => {
    const address = names[hostname];
    if (!address) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), []);
    callback(null, [{ address, family: address.includes(":") ? 6 : 4 }]);
  }) as never;
}

/** A notification service on a real database and a real (simulated) upstream, as one instance runs it. */
export function notifyInstance(database: AppDatabase, simulator: Simulator, overrides: Partial<NotifyServiceOptions> = {}) {
  const upstream = createUpstreamClient({
    baseUrl: new URL(simulator.url),
    apiKey: simulator.apiKey,
    apiSecret: simulator.apiSecret,
    timeouts: { listDeadlineMs: 10_000, exportDeadlineMs: 20_000, listAttemptMs: 5_000, exportAttemptMs: 10_000 },
  });
  const logger = createLogger("silent");
  return createNotifyService({
    db: database.db,
    key: KEY,
    upstream,
    audit: createAuditLog(database.db, logger),
    logger,
    grantsOf: () => ADMIN_EVERYWHERE,
    pendingAccessRequests: (workspaceId) => createRequestStore(database.db).pendingCount(workspaceId),
    baseUrl: () => new URL("http://127.0.0.1:8080"),
    outbound: { hosts: [] },
    smtpUrl: undefined,
    mailFrom: "Dynamo VIP dashboard <dashboard@studio.test>",
    tickMs: 60_000,
    alertCheckMs: 900_000,
    ...overrides,
  });
}
