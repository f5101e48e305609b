import { describe, expect, it } from "vitest";
import { startStack } from "../../helpers/stack";
import { freePort, TEST_GRANTS, writePolicy } from "../../helpers/identities";

/** A plain identity header counts only from the proxy's own addresses (TRUSTED_PROXY_CIDRS). */
async function withStack(trusted: string, run: (url: string) => Promise<void>) {
  const port = await freePort();
  const stack = await startStack({
    env: {
      AUTH_MODE: "proxy",
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PROXY_EMAIL_HEADER: "X-Forwarded-Email",
      PROXY_GROUPS_HEADER: "X-Forwarded-Groups",
      TRUSTED_PROXY_CIDRS: trusted,
      ACCESS_POLICY: writePolicy(TEST_GRANTS),
    },
  });
  try {
    await run(stack.dashboard.url);
  } finally {
    await stack.close();
  }
}

describe("plain identity headers", () => {
  it("are believed from a trusted proxy address, with groups", async () => {
    await withStack("127.0.0.0/8, ::1", async (url) => {
      const as = (email: string, groups = "") => ({ "x-forwarded-email": email, "x-forwarded-groups": groups });
      expect((await fetch(`${url}/api/vip-users?workspaceId=ws_aurora&mediumId=ch_aurora_messenger&limit=1`, { headers: as("analyst@studio.test") })).status).toBe(200);
      expect((await fetch(`${url}/api/vip-users?workspaceId=ws_aurora&mediumId=ch_aurora_messenger&limit=1`, { headers: as("x@studio.test", "other, cm-leads") })).status).toBe(200);
      expect((await fetch(`${url}/api/workspaces`)).status).toBe(401);
    });
  });

  it("are ignored from any other address", async () => {
    await withStack("10.0.0.0/8", async (url) => {
      const res = await fetch(`${url}/api/workspaces`, { headers: { "x-forwarded-email": "admin@studio.test" } });
      expect(res.status).toBe(401);
    });
  });
});
