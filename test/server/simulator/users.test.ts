import { describe, expect, it } from "vitest";
import { USERS_SCAN_CAP } from "#contract/assumptions";
import type { VipUser, VipUsersPage } from "#contract/responses";
import { simulatorForFile } from "../../helpers/for-file";
import { CAPPED, MAIN, signedGet } from "../../helpers/stack";
import { allUsers } from "../../helpers/sim-data";

const sim = simulatorForFile();

async function page(query: string): Promise<VipUsersPage> {
  const res = await signedGet(sim, `/vip-users?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as VipUsersPage;
}

/** Follows nextOffset to the end, checking each page's bookkeeping on the way. */
async function walk(query: string, limit: number) {
  const rows: VipUser[] = [];
  const pages: VipUsersPage[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const p: VipUsersPage = await page(`${query}&limit=${limit}&offset=${offset}`);
    expect(p.returned).toBe(p.items.length);
    expect(p.returned).toBeLessThanOrEqual(limit);
    rows.push(...p.items);
    pages.push(p);
    offset = p.nextOffset;
    expect(pages.length).toBeLessThan(200);
  }
  return { rows, pages };
}

describe("GET /vip-users", () => {
  it("walks every row exactly once, in LTV order, with an exact total", async () => {
    const { rows, pages } = await walk(MAIN, 500);
    const all = allUsers(sim.dataset.channelData("ws_aurora", "ch_aurora_messenger"));
    expect(rows.map((r) => r.conversationId)).toEqual(all.map((u) => u.conversationId));
    expect(pages.every((p) => p.total === all.length && !p.scanCapped)).toBe(true);
    expect(pages.at(-1)).toMatchObject({ mayHaveMore: false, nextOffset: null });
    expect(Object.keys(rows[0]!)).not.toContain("birthMonth");
  });

  it("filters by birthday month and by having a birthday", async () => {
    const june = await walk(`${MAIN}&birthdayMonth=6`, 200);
    expect(june.rows.length).toBe(june.pages[0]!.total);
    expect(june.rows.length).toBeGreaterThan(100);
    expect(june.rows.every((r) => /^(\d{4}-|--)06-/.test(r.birthday ?? ""))).toBe(true);
    const withBirthday = await page(`${MAIN}&hasBirthday=true&limit=500`);
    expect(withBirthday.items.every((r) => typeof r.birthday === "string")).toBe(true);
    const everyone = await page(`${MAIN}&limit=1`);
    expect(withBirthday.total / everyone.total).toBeGreaterThan(0.5);
    expect(withBirthday.total / everyone.total).toBeLessThan(0.7);
  });

  it("answers an offset past the end with an empty last page", async () => {
    expect(await page(`${MAIN}&offset=999999`)).toMatchObject({ items: [], returned: 0, mayHaveMore: false, nextOffset: null });
  });

  it("marks a capped scan: total is a lower bound, and paging still reaches every row", async () => {
    const first = await page(`${CAPPED}&limit=50`);
    expect(first).toMatchObject({ scanCapped: true, mayHaveMore: true, total: USERS_SCAN_CAP, nextOffset: 50 });
    const { rows, pages } = await walk(CAPPED, 500);
    const all = allUsers(sim.dataset.channelData("ws_skyforge", "ch_skyforge_app"));
    expect(all.length).toBeGreaterThan(USERS_SCAN_CAP);
    expect(rows.map((r) => r.conversationId)).toEqual(all.map((u) => u.conversationId));
    expect(pages.at(-1)).toMatchObject({ scanCapped: false, total: all.length, nextOffset: null });
  });

  it("gates on VIP workspaces and connected channels", async () => {
    const status = async (q: string) => (await signedGet(sim, `/vip-users?${q}`)).status;
    expect(await status("workspaceId=ws_nope&mediumId=ch_aurora_messenger")).toBe(404);
    expect(await status("workspaceId=ws_aurora&mediumId=ch_nope")).toBe(404);
    expect(await status("workspaceId=ws_pixel&mediumId=ch_pixel_messenger")).toBe(403);
    expect(await status("workspaceId=ws_aurora&mediumId=ch_legacy_line")).toBe(403);
    expect(await status("workspaceId=ws_aurora&mediumId=ch_skyforge_app")).toBe(403);
  });
});
