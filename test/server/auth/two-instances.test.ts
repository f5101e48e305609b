import { describe, expect, it } from "vitest";
import type { ExportAnswer, SessionAnswer } from "#contract/dashboard-api";
import { openDatabase, type AppDatabase } from "../../../server/db/open-database";
import { startSimulator } from "../../../server/simulator/index";
import { freshPostgresUrl, postgresUrl } from "../../helpers/databases";
import { CookieBrowser } from "../../helpers/oidc-browser";
import { forFile } from "../../helpers/for-file";
import { startSsoStack, type SsoStack } from "../../helpers/sso-stack";
import { MAIN, type Stack } from "../../helpers/stack";

/**
 * Two dashboard instances on one PostgreSQL, as behind a load balancer: a session made on one
 * is valid on the other, a download link made on one is served by the other, and both write
 * to one audit log.
 */
interface TwoInstances {
  sso: SsoStack;
  databases: AppDatabase[];
  close(): Promise<void>;
}

/** Started before the test: oidc-provider prints its start-up warnings outside any test. */
async function startTwoInstances(): Promise<TwoInstances> {
  const target = await freshPostgresUrl();
  const simulator = await startSimulator({ warm: true });
  const databases = await Promise.all([openDatabase({ kind: "postgres", url: target.url }), openDatabase({ kind: "postgres", url: target.url })]);
  const sso = await startSsoStack({ instances: databases.map((database) => ({ database, sharedSimulator: simulator })) });
  return {
    sso,
    databases,
    async close() {
      await sso.close();
      await Promise.all(databases.map((d) => d.close()));
      await simulator.close();
      await target.drop();
    },
  };
}

describe.skipIf(!postgresUrl)("two dashboard instances on one PostgreSQL", () => {
  const env = forFile(startTwoInstances, (e) => e.close());

  it("share sessions, download links and the audit log", async () => {
    const { sso, databases } = env;
    const [a, b] = sso.stacks as [Stack, Stack];
    const browser = new CookieBrowser();
    await browser.signIn(a.dashboard.url, "eli");
    const cookie = browser.cookieHeader(a.dashboard.url);
    const origin = { cookie, origin: sso.publicUrl, "content-type": "application/json" };

    const onB = (await (await fetch(`${b.dashboard.url}/api/session`, { headers: { cookie } })).json()) as SessionAnswer;
    expect(onB).toMatchObject({ signedIn: true, user: { email: "eli.exporter@aurora.demo" } });

    const made = await fetch(`${a.dashboard.url}/api/vip-users/export`, {
      method: "POST",
      headers: origin,
      body: JSON.stringify({ workspaceId: "ws_aurora", mediumId: "ch_aurora_messenger", birthdayMonth: "7" }),
    });
    expect(made.status).toBe(200);
    const answer = (await made.json()) as ExportAnswer;
    const file = await fetch(`${b.dashboard.url}${answer.downloadUrl}`, { headers: { cookie } });
    expect(file.status).toBe(200);
    expect((await file.text()).trim().split("\n").length - 1).toBe(answer.totalCount);
    expect((await fetch(`${b.dashboard.url}/api/vip-users?${MAIN}&limit=2`, { headers: { cookie } })).status).toBe(200);

    // Each instance writes its audit rows within 50 ms of the event, into the one table.
    const eli = async () =>
      (await databases[0]!.db.selectFrom("audit_log").select(["action", "actor"]).orderBy("at").execute())
        .filter((r) => r.actor === "eli.exporter@aurora.demo")
        .map((r) => r.action);
    await expect.poll(eli, { timeout: 3000 }).toEqual(["sign_in", "export_created", "download_started", "download_served", "personal_data_viewed"]);
  });
});
