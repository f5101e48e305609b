import { describe, expect, it } from "vitest";
import { DAY_MS } from "#contract/assumptions";
import type { LabelOverview, VipMessage, VipMessagesPage } from "#contract/responses";
import { MAIN } from "../../helpers/stack";
import { stackForFile } from "../../helpers/for-file";

const stack = stackForFile();

async function allMessages(label: string | undefined, from: string, to: string) {
  const items: VipMessage[] = [];
  let cursor: string | null = null;
  do {
    const res: Response = await stack.api(
      `/api/vip-messages?${MAIN}${label ? `&label=${label}` : ""}&from=${from}&to=${to}&limit=200${cursor ? `&before=${cursor}` : ""}`,
    );
    expect(res.status).toBe(200);
    const page = (await res.json()) as VipMessagesPage;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe.each(["day", "week"] as const)("drill-down invariant, %s buckets, through the proxy", (granularity) => {
  it("every row of a 31-day overview equals its drill-down: count and unique conversations", async () => {
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    // Starts on a Thursday-ish odd day so week buckets are clipped on both sides.
    const from = new Date(today - 30 * DAY_MS).toISOString().slice(0, 10);
    const to = new Date(today).toISOString().slice(0, 10);
    const res = await stack.api(`/api/vip-labels/overview?${MAIN}&from=${from}&to=${to}&granularity=${granularity}`);
    const overview = (await res.json()) as LabelOverview;
    expect(overview.rows.length).toBeGreaterThan(granularity === "day" ? 300 : 50);
    const windowStart = Date.parse(overview.from);
    const windowEnd = Date.parse(overview.to);
    const step = granularity === "day" ? DAY_MS : 7 * DAY_MS;
    for (const row of overview.rows) {
      const start = Math.max(Date.parse(row.bucket), windowStart);
      const end = Math.min(Date.parse(row.bucket) + step, windowEnd);
      const items = await allMessages(row.label, new Date(start).toISOString(), new Date(end).toISOString());
      expect({ bucket: row.bucket, label: row.label, count: items.length }).toEqual({
        bucket: row.bucket,
        label: row.label,
        count: row.count,
      });
      expect(new Set(items.map((m) => m.conversationId)).size).toBe(row.uniqueConversations);
    }
    const activityTotal = overview.activity.reduce((sum, a) => sum + a.count, 0);
    const labeledMax = Math.max(...overview.rows.map((r) => r.count));
    expect(activityTotal).toBeGreaterThan(labeledMax);
  });

  it("every period's activity equals its Messages view listing: count and unique conversations", async () => {
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    const from = new Date(today - 30 * DAY_MS).toISOString().slice(0, 10);
    const to = new Date(today).toISOString().slice(0, 10);
    const overview = (await (await stack.api(`/api/vip-labels/overview?${MAIN}&from=${from}&to=${to}&granularity=${granularity}`)).json()) as LabelOverview;
    const step = granularity === "day" ? DAY_MS : 7 * DAY_MS;
    for (const a of overview.activity) {
      const start = Math.max(Date.parse(a.bucket), Date.parse(overview.from));
      const end = Math.min(Date.parse(a.bucket) + step, Date.parse(overview.to));
      const items = await allMessages(undefined, new Date(start).toISOString(), new Date(end).toISOString());
      expect({ bucket: a.bucket, count: items.length }).toEqual({ bucket: a.bucket, count: a.count });
      expect(new Set(items.map((m) => m.conversationId)).size).toBe(a.uniqueConversations);
    }
  });
});

describe("drill-down invariant, a month most of a year back (the long trends' older days)", () => {
  it("every week row of that month equals its drill-down, and the month has the recent months' volume", async () => {
    const now = new Date();
    const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1);
    const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 10, 1);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const month = (await (await stack.api(`/api/vip-labels/overview?${MAIN}&from=${day(first)}&to=${day(next - DAY_MS)}&granularity=week`)).json()) as LabelOverview;
    const recent = (await (await stack.api(`/api/vip-labels/overview?${MAIN}&from=${day(Date.now() - 30 * DAY_MS)}&to=${day(Date.now())}&granularity=week`)).json()) as LabelOverview;
    const total = (o: LabelOverview) => o.activity.reduce((sum, a) => sum + a.count, 0);
    // The same volume a day as the recent days (within the demo's weekly and slow waves).
    expect(total(month) / ((next - first) / DAY_MS)).toBeGreaterThan((0.7 * total(recent)) / 31);
    expect(month.rows.length).toBeGreaterThan(20);
    for (const row of month.rows) {
      const start = Math.max(Date.parse(row.bucket), first);
      const end = Math.min(Date.parse(row.bucket) + 7 * DAY_MS, next);
      const items = await allMessages(row.label, new Date(start).toISOString(), new Date(end).toISOString());
      expect({ bucket: row.bucket, label: row.label, count: items.length }).toEqual({ bucket: row.bucket, label: row.label, count: row.count });
      expect(new Set(items.map((m) => m.conversationId)).size).toBe(row.uniqueConversations);
    }
  });
});
