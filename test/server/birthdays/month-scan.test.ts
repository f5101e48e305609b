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

  it("a preview reads each month's first page only, and shows the top of each day's whole list", async () => {
    // Two months, a range across them: each month's first page is the page the whole scan starts with.
    const people = [...december, ...Array.from({ length: 5 }, (_, n) => user(100 + n, `--01-0${1 + (n % 2)}`))];
    const byMonth = (month: string) => people.filter((p) => p.birthday!.startsWith(`--${month}`));
    const monthUpstream = () => {
      const asked: string[] = [];
      const client: UpstreamClient = {
        skew: new ClockSkew(),
        get: (path, query, kind) => {
          asked.push(query.toString());
          return pagedUpstream(byMonth(query.get("birthdayMonth") === "1" ? "01" : "12")).client.get(path, query, kind);
        },
      };
      return { client, asked };
    };
    const range = { ...gate, from: "2026-12-20", days: 14 };
    const options = { pageSize: 3, maxPagesPerMonth: 10 };
    const whole = await buildUpcomingBirthdays(monthUpstream().client, range, options);
    const { client, asked } = monthUpstream();
    const preview = await buildUpcomingBirthdays(client, { ...range, preview: true }, options);
    if (!whole.ok || !preview.ok) throw new Error("expected lists");
    expect(asked.map((q) => [new URLSearchParams(q).get("birthdayMonth"), new URLSearchParams(q).get("offset")])).toEqual([["12", "0"], ["1", "0"]]);
    // Marked as a preview, and cut where a month has more pages (December's 7 players), whole where it has not (January's 5 take two pages of 3, so cut too).
    expect(preview.list.scan).toMatchObject({ preview: true, complete: false, months: [{ month: 12, pages: 1, complete: false }, { month: 1, pages: 1, complete: false }] });
    expect(whole.list.scan.preview).toBeUndefined();
    // Each day's preview is the start of that day's whole list, in the same order.
    const days = new Set(whole.list.items.map((i) => i.on));
    for (const day of days) {
      const all = whole.list.items.filter((i) => i.on === day).map((i) => i.user.conversationId);
      const top = preview.list.items.filter((i) => i.on === day).map((i) => i.user.conversationId);
      expect(all.slice(0, top.length)).toEqual(top);
    }
    expect(preview.list.items.length).toBeGreaterThan(0);
    // A month that fits in one page is whole in its preview.
    const small = await buildUpcomingBirthdays(pagedUpstream(december).client, { ...gate, from: "2026-12-20", days: 1, preview: true }, { pageSize: 500, maxPagesPerMonth: 40 });
    expect(small.ok && small.list.scan).toMatchObject({ preview: true, complete: true });
  });
});
