import { describe, expect, it } from "vitest";
import { DAY_MS } from "#contract/assumptions";
import { createDataset } from "../../../server/simulator/data/dataset";
import { allMessages, allUsers } from "../../helpers/sim-data";

const now = Date.now();
const dataset = createDataset("dynamo-demo", now);
const mainData = dataset.channelData("ws_aurora", "ch_aurora_messenger");
const main = { users: allUsers(mainData), messages: allMessages(mainData) };

describe("demo data", () => {
  it("is deterministic for a seed and day", () => {
    const again = createDataset("dynamo-demo", now).channelData("ws_aurora", "ch_aurora_messenger");
    expect(allUsers(again).slice(0, 20)).toEqual(main.users.slice(0, 20));
    expect(allMessages(again)).toEqual(main.messages);
  });

  it("keeps the same players from day to day, while activity stays relative to today", () => {
    const tomorrow = createDataset("dynamo-demo", now + DAY_MS).channelData("ws_aurora", "ch_aurora_messenger");
    expect(tomorrow.users.conversationIds).toEqual(mainData.users.conversationIds);
    expect(allMessages(tomorrow).at(-1)!.timestamp).toBeGreaterThan(main.messages.at(-1)!.timestamp);
  });

  it("has VIP and non-VIP workspaces and an unconnected channel", () => {
    expect(dataset.workspaces.filter((w) => w.vip).length).toBeGreaterThanOrEqual(2);
    expect(dataset.workspaces.some((w) => !w.vip)).toBe(true);
    expect(dataset.channels.some((c) => c.workspaceIds.length === 0)).toBe(true);
  });

  it("has at least 5,000 users, ~60% with birthdays, some without a year, every month", () => {
    expect(main.users.length).toBeGreaterThanOrEqual(5_000);
    const birthdays = main.users.map((u) => u.birthday).filter((b): b is string => typeof b === "string");
    expect(birthdays.length / main.users.length).toBeGreaterThan(0.55);
    expect(birthdays.length / main.users.length).toBeLessThan(0.65);
    expect(birthdays.some((b) => b.startsWith("--"))).toBe(true);
    expect(new Set(birthdays.map((b) => b.slice(-5, -3))).size).toBe(12);
    const names = main.users.map((u) => `${u.firstName} ${u.lastName}`).join(" ");
    for (const script of [/\p{Script=Cyrillic}/u, /\p{Script=Han}/u, /\p{Script=Arabic}/u, /\p{Script=Hangul}/u, /[À-ž]/u]) {
      expect(names).toMatch(script);
    }
    expect(main.users.some((u) => !u.profilePic)).toBe(true);
    expect(main.users.some((u) => u.lastPurchaseTimestamp === null)).toBe(true);
    expect(main.users.some((u) => u.lastPurchaseTimestamp === 0)).toBe(true);
    expect(main.users.some((u) => !("lastPurchaseTimestamp" in u))).toBe(true);
  });

  it("has at least 150,000 messages over the last 120 days, all four kinds, varied text", () => {
    expect(main.messages.length).toBeGreaterThanOrEqual(150_000);
    expect(main.messages[0]!.timestamp).toBeGreaterThanOrEqual(now - 120 * DAY_MS);
    expect(main.messages.at(-1)!.timestamp).toBeLessThanOrEqual(now);
    expect(new Set(main.messages.map((m) => m.kind))).toEqual(new Set(["text", "postback", "attachment", "other"]));
    const texts = main.messages.slice(0, 20_000).map((m) => m.text);
    for (const feature of [/,/, /"/, /\n/, /\p{Extended_Pictographic}/u, /\p{Script=Hiragana}/u, /\p{Script=Cyrillic}/u]) {
      expect(texts.some((t) => feature.test(t))).toBe(true);
    }
  });

  it("labels with 8 built-in values and 4 custom AI labels, all in use", () => {
    expect(dataset.labels.filter((l) => !l.custom)).toHaveLength(8);
    expect(dataset.labels.filter((l) => l.custom)).toHaveLength(4);
    const used = new Set(main.messages.flatMap((m) => [...m.labels, ...m.customLabelIds]));
    for (const label of dataset.labels) expect(used.has(label.id)).toBe(true);
  });
});
