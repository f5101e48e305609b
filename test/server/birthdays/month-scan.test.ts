import { describe, expect, it } from "vitest";
import type { VipUser, VipUsersPage } from "#contract/responses";
import { buildUpcomingBirthdays } from "../../../server/birthdays/upcoming-list";
import type { UpstreamClient, UpstreamOutcome } from "../../../server/upstream/client";
import { ClockSkew } from "../../../server/upstream/clock-skew";

const gate = { workspaceId: "ws_a", channelId: "ch_a" };
const user = (n: number, birthday: string): VipUser => ({ conversationId: `c_${n}`, userName: `p${n}`, birthday });

/**
 * An upstream that answers pages of a fixed month list (the real simulator never stops early,
 * so the vendor's early stop and a runaway month are played here), recording what was asked.
 */
function pagedUpstream(people: VipUser[], options: { lastPageCapped?: boolean; failAtOffset?: number } = {}) {
  const asked: string[] = [];
  const client: UpstreamClient = {
    skew: new ClockSkew(),
    async get(_path, query): Promise<UpstreamOutcome> {
      asked.push(query.toString());
      const offset = Number(query.get("offset"));
      const limit = Number(query.get("limit"));
      if (offset === options.failAtOffset) return { kind: "network", attempts: 1, code: "ECONNRESET" };
      const items = people.slice(offset, offset + limit);
      const more = offset + items.length < people.length;
      const page: VipUsersPage = {
        items,
        returned: items.length,
        total: people.length,
        mayHaveMore: more,
        nextOffset: more ? offset + items.length : null,
        scanCapped: !more && options.lastPageCapped === true,
      };
      const raw = Buffer.from(JSON.stringify(page));
      return { kind: "response", status: 200, headers: {}, json: page, raw, attempts: 1 };
    },
  };
  return { client, asked };
}

const december = Array.from({ length: 7 }, (_, n) => user(n, `--12-${String(20 + (n % 3)).padStart(2, "0")}`));

describe("reading a birthday month", () => {
  it("follows the vendor's next offset to the end, whatever the page size", async () => {
    const { client, asked } = pagedUpstream(december);
    const built = await buildUpcomingBirthdays(client, { ...gate, from: "2026-12-20", days: 2 }, { pageSize: 3, maxPagesPerMonth: 10 });
    expect(asked.map((q) => new URLSearchParams(q).get("offset"))).toEqual(["0", "3", "6"]);
    expect(asked.every((q) => new URLSearchParams(q).get("birthdayMonth") === "12")).toBe(true);
    // The dashboard's channel is the vendor's medium, named so only on the way out.
    expect(asked.every((q) => new URLSearchParams(q).get("mediumId") === "ch_a" && !new URLSearchParams(q).has("channelId"))).toBe(true);
    if (!built.ok) throw new Error("expected a list");
    // 20 and 21 December only; within a day, the vendor's order.
    expect(built.list.items.map((i) => i.user.conversationId)).toEqual(["c_0", "c_3", "c_6", "c_1", "c_4"]);
    expect(built.list.scan).toEqual({ months: [{ month: 12, players: 7, pages: 3, complete: true }], pages: 3, upstreamCalls: 3, complete: true });
  });

  it("says the list may be missing birthdays when a month is cut short", async () => {
    const ours = await buildUpcomingBirthdays(pagedUpstream(december).client, { ...gate, from: "2026-12-20", days: 2 }, { pageSize: 3, maxPagesPerMonth: 2 });
    expect(ours.ok && ours.list.scan).toMatchObject({ complete: false, months: [{ players: 6, pages: 2, complete: false }] });
    const vendors = await buildUpcomingBirthdays(pagedUpstream(december, { lastPageCapped: true }).client, { ...gate, from: "2026-12-20", days: 2 }, { pageSize: 500, maxPagesPerMonth: 40 });
    expect(vendors.ok && vendors.list.scan.complete).toBe(false);
  });

  it("fails as a whole when a page fails, rather than showing part of a month as all of it", async () => {
    const built = await buildUpcomingBirthdays(pagedUpstream(december, { failAtOffset: 3 }).client, { ...gate, from: "2026-12-20", days: 2 }, { pageSize: 3, maxPagesPerMonth: 10 });
    expect(built.ok).toBe(false);
    expect(!built.ok && built.answer).toMatchObject({ status: 502, body: { message: expect.stringMatching(/Could not reach the Dynamo API/) } });
  });
});
