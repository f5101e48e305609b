import { afterAll, describe, expect, it } from "vitest";
import type { AuditPage, ExportAnswer } from "#contract/dashboard-api";
import { startServerProcess, type ServerProcess } from "../../e2e/server-process";
import { freshPostgresUrl, postgresUrl } from "../../helpers/databases";

/**
 * Audit before answer: an export's row is committed before its link is answered, so a crash
 * the moment after loses the link's record no more than the link itself. Two server processes
 * on one PostgreSQL: the first is killed (SIGKILL, no shutdown) right after the answer, the
 * second reads the log.
 */
describe.skipIf(!postgresUrl)("the audit log survives a crash right after an export (PostgreSQL)", () => {
  const running: ServerProcess[] = [];
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    await Promise.all(drops.map((drop) => drop()));
  });

  it("finds the export's row after the process that made it was killed", async () => {
    const database = await freshPostgresUrl();
    drops.push(database.drop);
    const first = await startServerProcess({ DATABASE_URL: database.url });
    const made = await fetch(`${first.url}/api/vip-users/export`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: first.url, "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger", birthdayMonth: "4" }),
    });
    expect(made.status).toBe(200);
    const answer = (await made.json()) as ExportAnswer;
    await first.kill();

    const second = await startServerProcess({ DATABASE_URL: database.url });
    running.push(second);
    const log = (await (await fetch(`${second.url}/api/audit?action=export_created`)).json()) as AuditPage;
    expect(log.items.map((row) => row.details.filename)).toContain(answer.filename);
  });
});
