import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, USERS_SCAN_CAP } from "#contract/assumptions";
import type { LabelOverview, VipMessage, VipMessagesPage, VipUsersPage } from "#contract/responses";
import { messageScale } from "../../../server/simulator/data/dataset";
import { startSimulator, type Simulator } from "../../../server/simulator/index";
import { MAIN, signedGet } from "../../helpers/stack";

/**
 * A studio eight times the demo (41,600 players, about three times the messages): big enough
 * that the simulator keeps only some days' messages in memory and draws the rest again, which
 * is where a lazily made studio could disagree with itself.
 */
const SCALE = 8;
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ warm: true, scale: SCALE });
}, 120_000);
afterAll(async () => {
  await sim.close();
});

async function json<T>(path: string): Promise<T> {
  const res = await signedGet(sim, path);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

async function walk(query: string): Promise<VipMessage[]> {
  const items: VipMessage[] = [];
  let cursor: string | null = null;
  do {
    const page: VipMessagesPage = await json(`/vip-messages?${query}&limit=200${cursor ? `&before=${cursor}` : ""}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe(`a studio ${SCALE} times the demo`, () => {
  it("has that many players, paged and filtered exactly, each the same whenever asked", async () => {
    const first: VipUsersPage = await json(`/vip-users?${MAIN}&limit=200`);
    expect(first.scanCapped).toBe(5_200 * SCALE > USERS_SCAN_CAP);
    const far: VipUsersPage = await json(`/vip-users?${MAIN}&limit=200&offset=${5_200 * SCALE - 200}`);
    expect(far.items).toHaveLength(200);
    expect(far).toMatchObject({ mayHaveMore: false, nextOffset: null, total: 5_200 * SCALE });
    expect(new Set([...first.items, ...far.items].map((u) => u.conversationId)).size).toBe(400);
    // Made again on demand, a player is the same player.
    const again: VipUsersPage = await json(`/vip-users?${MAIN}&limit=200&offset=${5_200 * SCALE - 200}`);
    expect(again.items).toEqual(far.items);
    // A birthday month pages to its exact total, every row of that month.
    let offset: number | null = 0;
    const june: VipUsersPage["items"] = [];
    let last: VipUsersPage | undefined;
    while (offset !== null) {
      last = await json<VipUsersPage>(`/vip-users?${MAIN}&birthdayMonth=6&limit=500&offset=${offset}`);
      june.push(...last.items);
      offset = last.nextOffset;
    }
    expect(june.length).toBeGreaterThan(1_000);
    expect(june.every((u) => /^(\d{4}|-)-06-/.test(u.birthday ?? ""))).toBe(true);
    expect(new Set(june.map((u) => u.conversationId)).size).toBe(june.length);
    // The last page's scan reached the end of the list, so its total is exact.
    expect(last).toMatchObject({ total: june.length, scanCapped: false });
  });

  it("has about scale^0.7 the messages a day, and each sampled bar equals its drill-down, whole days and a window that cuts one", async () => {
    const today = Math.floor(sim.now() / DAY_MS) * DAY_MS;
    const day = (ago: number) => new Date(today - ago * DAY_MS).toISOString().slice(0, 10);
    const overview: LabelOverview = await json(`/vip-labels/overview?${MAIN}&from=${day(30)}&to=${day(1)}&granularity=day`);
    const perDay = overview.activity.reduce((sum, a) => sum + a.count, 0) / overview.activity.length;
    // The demo has about 1,300 a day.
    expect(perDay / 1_300).toBeGreaterThan(messageScale(SCALE) * 0.8);
    expect(perDay / 1_300).toBeLessThan(messageScale(SCALE) * 1.25);
    // Every ninth row: several labels and days, read from the days' tallies.
    const sample = overview.rows.filter((_, i) => i % 9 === 0).slice(0, 8);
    expect(sample.length).toBe(8);
    for (const row of sample) {
      const items = await walk(`${MAIN}&label=${row.label}&from=${row.bucket.slice(0, 10)}&to=${row.bucket.slice(0, 10)}`);
      expect({ bar: `${row.label} ${row.bucket}`, count: items.length, conversations: new Set(items.map((m) => m.conversationId)).size }).toEqual({
        bar: `${row.label} ${row.bucket}`,
        count: row.count,
        conversations: row.uniqueConversations,
      });
    }
    // A window from noon: its first day is counted message by message, the others from tallies.
    const noon = new Date(today - 20 * DAY_MS + 12 * 3_600_000).toISOString();
    const clipped: LabelOverview = await json(`/vip-labels/overview?${MAIN}&from=${noon}&to=${day(15)}&granularity=week`);
    const firstActivity = clipped.activity[0]!;
    const end = Math.min(Date.parse(firstActivity.bucket) + 7 * DAY_MS, Date.parse(clipped.to));
    const listed = await walk(`${MAIN}&from=${noon}&to=${new Date(end).toISOString()}`);
    expect(listed.length).toBe(firstActivity.count);
    expect(new Set(listed.map((m) => m.conversationId)).size).toBe(firstActivity.uniqueConversations);
    // A player's last message is no older than any message of theirs (the busiest players head the list).
    const top: VipUsersPage = await json(`/vip-users?${MAIN}&limit=500`);
    const lastOf = new Map(top.items.map((u) => [u.conversationId, Number(u.lastUserMessageTimestamp)]));
    const theirs = listed.filter((m) => lastOf.has(m.conversationId));
    expect(theirs.length).toBeGreaterThan(10);
    expect(theirs.filter((m) => lastOf.get(m.conversationId)! < m.timestamp)).toEqual([]);
  });
});
