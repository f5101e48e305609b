import { describe, expect, it } from "vitest";
import type { VipMessage, VipMessagesPage } from "#contract/responses";
import { simulatorForFile } from "../../helpers/for-file";
import { MAIN, signedGet } from "../../helpers/stack";
import { allMessages } from "../../helpers/sim-data";

const sim = simulatorForFile();

async function walk(query: string, limit: number) {
  const items: VipMessage[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: Response = await signedGet(sim, `/vip-messages?${query}&limit=${limit}${cursor ? `&before=${cursor}` : ""}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as VipMessagesPage;
    expect(page.returned).toBe(page.items.length);
    expect(page.mayHaveMore).toBe(page.nextCursor !== null);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null && pages < 5000);
  return items;
}

/** The same selection computed straight from the data, newest first. */
function expected(fromMs: number, toMs: number, filter: (m: VipMessage) => boolean = () => true) {
  const messages = allMessages(sim.dataset.channelData("ws_aurora", "ch_aurora_messenger"));
  return messages
    .filter((m) => m.timestamp >= fromMs && m.timestamp < toMs)
    .map((m, i) => ({ m, i }))
    .reverse()
    .map(({ m }) => m)
    .filter((m) => filter({ ...m, date: "" }));
}

const key = (m: { timestamp: number; conversationId: string; text?: string | null; kind: string }) =>
  `${m.timestamp}|${m.conversationId}|${m.kind}|${m.text}`;

describe("GET /vip-messages", () => {
  it("walks a labeled 31-day window newest first, every message once", async () => {
    const to = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
    const from = to - 30 * 86_400_000;
    const q = `${MAIN}&from=${new Date(from).toISOString().slice(0, 10)}&to=${new Date(to).toISOString().slice(0, 10)}&label=cl_refund`;
    const items = await walk(q, 97);
    const want = expected(from, to + 86_400_000, (m) => m.customLabelIds.includes("cl_refund"));
    expect(want.length).toBeGreaterThan(100);
    expect(items.map(key)).toEqual(want.map(key));
    for (let i = 1; i < items.length; i++) expect(items[i]!.timestamp).toBeLessThanOrEqual(items[i - 1]!.timestamp);
    expect(items[0]!.date).toBe(new Date(items[0]!.timestamp).toISOString());
  });

  it("never splits a group of equal timestamps across pages, even with limit 1", async () => {
    const messages = allMessages(sim.dataset.channelData("ws_aurora", "ch_aurora_messenger"));
    // A tie whose two-hour window lies inside the data this helper reads (the simulator serves
    // days before it too, which `expected` would not count).
    const first = messages[0]!.timestamp;
    const tieIndex = messages.findIndex((m, i) => i > 0 && messages[i - 1]!.timestamp === m.timestamp && m.timestamp - first > 7_200_000);
    const tieTs = messages[tieIndex]!.timestamp;
    const from = tieTs - 3_600_000;
    const to = tieTs + 3_600_000;
    const q = `${MAIN}&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;
    const want = expected(from, to).map(key);
    expect(want.length).toBeGreaterThan(10);
    for (const limit of [1, 2, 3, 50]) expect((await walk(q, limit)).map(key)).toEqual(want);
  });

  it("narrows to one content kind", async () => {
    const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const items = await walk(`${MAIN}&from=${day}&to=${day}&contentType=postback`, 200);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((m) => m.kind === "postback")).toBe(true);
  });

  it("treats a date-only `to` as the whole day", async () => {
    const day = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
    const whole = await walk(`${MAIN}&from=${day}&to=${day}`, 200);
    const start = Date.parse(day);
    expect(whole.length).toBe(expected(start, start + 86_400_000).length);
    expect(whole.at(0)!.date.slice(0, 10)).toBe(day);
  });
});
