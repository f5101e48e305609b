import { expect, it } from "vitest";
import { DAY_MS } from "#contract/assumptions";
import type { LabelOverview, VipMessagesPage } from "#contract/responses";
import { stitchTrend } from "#contract/trend-stitch";
import { isSettled, planTrendWindows, type TrendWindow } from "#contract/trend-windows";
import { startSimulator } from "../../../server/simulator/index";
import { describeOnEachDatabase } from "../../helpers/databases";
import { MAIN, startStack, type Stack } from "../../helpers/stack";

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A window as the page asks it: whole days, the last one included (a running window ends now, inside today). */
const windowPath = (w: TrendWindow) => `/api/label-trends/window?${MAIN}&from=${day(w.fromMs)}&to=${day(Math.ceil(w.toMs / DAY_MS) * DAY_MS - DAY_MS)}&granularity=${w.granularity}`;
const overviewCalls = (stack: Stack) => stack.simulator.requests.filter((r) => r.path.startsWith("/vip-labels/overview")).length;

/** Every window of the plan through the dashboard: the overviews, and the upstream calls they cost. */
async function fetchAll(stack: Stack, windows: TrendWindow[]) {
  const before = overviewCalls(stack);
  const arrived = [];
  for (const window of windows) {
    const res = await stack.api(windowPath(window));
    expect(res.status).toBe(200);
    arrived.push({ window, overview: (await res.json()) as LabelOverview, from: res.headers.get("x-trend-window") });
  }
  return { arrived, calls: overviewCalls(stack) - before };
}

/** Every message of a label in [from, to), paged through GET /api/vip-messages. */
async function messageCount(stack: Stack, label: string, fromMs: number, toMs: number) {
  let count = 0;
  let cursor: string | null = null;
  do {
    const res: Response = await stack.api(`/api/vip-messages?${MAIN}&label=${label}&from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}&limit=200${cursor ? `&before=${cursor}` : ""}`);
    const page = (await res.json()) as VipMessagesPage;
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

describeOnEachDatabase("the long trends' stored windows", (open) => {
  it("a 12-month view fills once, then costs only its unsettled window, on this instance, another, and after a restart", async () => {
    const database = await open();
    const simulator = await startSimulator({ warm: true });
    const now = Date.now();
    const d = new Date(now);
    const range = { fromMs: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1), toMs: now };
    const windows = planTrendWindows(range, "month");
    const unsettled = windows.filter((w) => !isSettled(w, now)).length;
    expect(windows).toHaveLength(12);
    let a = await startStack({ database, sharedSimulator: simulator });
    const b = await startStack({ database, sharedSimulator: simulator });
    try {
      const first = await fetchAll(a, windows);
      expect(first.calls).toBe(12);
      expect((await fetchAll(a, windows)).calls).toBe(unsettled);
      // Another instance on the same database reads what the first stored.
      const other = await fetchAll(b, windows);
      expect(other.calls).toBe(unsettled);
      expect(other.arrived.filter((x) => x.from === "stored")).toHaveLength(12 - unsettled);
      // A restart keeps them.
      await a.close();
      a = await startStack({ database, sharedSimulator: simulator });
      const again = await fetchAll(a, windows);
      expect(again.calls).toBe(unsettled);
      expect(again.arrived.map((x) => x.overview)).toEqual(first.arrived.map((x) => x.overview));

      // What was stored and stitched equals the messages, month by month (two labels, two months).
      const trend = stitchTrend(range, "month", now, again.arrived);
      for (const bucket of [trend.buckets[1]!, trend.buckets[9]!]) {
        for (const label of ["frustrated", "cl_refund"]) {
          const count = trend.cells.get(label)?.get(bucket.key)?.count ?? 0;
          // A calendar month is at most 31 days: one drill-down lists all of it.
          expect({ month: bucket.key, label, count }).toEqual({ month: bucket.key, label, count: await messageCount(a, label, bucket.fromMs, bucket.toMs) });
        }
      }
    } finally {
      await b.close();
      await a.close();
      await simulator.close();
      await database.close();
    }
  });
});

it("answers only windows a plan makes, with the reason", async () => {
  const stack = await startStack();
  try {
    const cases = [
      `from=2026-06-01&to=2026-07-01&granularity=day`, // 31 days past a month
      `from=2026-06-03&to=2026-06-30&granularity=week`, // crosses a four-week block's edge
      `from=2026-06-30&to=2026-06-01&granularity=day`,
    ];
    for (const query of cases) {
      const res = await stack.api(`/api/label-trends/window?${MAIN}&${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(JSON.stringify(await res.json())).toMatch(/one window of a trend's plan/);
    }
    expect((await stack.api(`/api/label-trends/window?${MAIN}&from=2026-06-01&to=2026-06-30&granularity=day`)).status).toBe(200);
    expect((await stack.api(`/api/label-trends/window?${MAIN}&from=2026-06-01&to=2026-06-30&granularity=day&extra=1`)).status).toBe(400);
  } finally {
    await stack.close();
  }
});

it("12 months by month and 26 weeks by week, stitched from the windows, equal the messages of every bucket; unique conversations only where one call's bucket is the bucket", async () => {
  const stack = await startStack();
  try {
    const now = Date.now();
    const d = new Date(now);
    const mondayThisWeek = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY_MS;
    const cases = [
      { granularity: "month" as const, range: { fromMs: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1), toMs: now }, buckets: 12 },
      { granularity: "week" as const, range: { fromMs: mondayThisWeek - 25 * 7 * DAY_MS, toMs: now }, buckets: 26 },
    ];
    for (const { granularity, range, buckets } of cases) {
      const { arrived } = await fetchAll(stack, planTrendWindows(range, granularity));
      const trend = stitchTrend(range, granularity, now, arrived);
      expect(trend.buckets).toHaveLength(buckets);
      for (const bucket of trend.buckets) {
        expect(bucket.pending).toBe(false);
        // A week is one upstream bucket of one call: its unique conversations are the upstream's own; a month's are never summed.
        expect({ bucket: bucket.key, hasUnique: bucket.activity.uniqueConversations !== undefined }).toEqual({ bucket: bucket.key, hasUnique: granularity === "week" });
        expect(bucket.activity.uniqueConversations ?? 1).toBeGreaterThan(0);
        for (const label of ["cl_giftcode", "cl_refund"]) {
          const count = trend.cells.get(label)?.get(bucket.key)?.count ?? 0;
          // The running bucket as the windows asked it: up to `now` (messages arrive meanwhile).
          const to = Math.min(bucket.toMs, range.toMs);
          expect({ granularity, bucket: bucket.key, label, count }).toEqual({ granularity, bucket: bucket.key, label, count: await messageCount(stack, label, bucket.fromMs, to) });
        }
      }
    }
  } finally {
    await stack.close();
  }
}, 120_000);
