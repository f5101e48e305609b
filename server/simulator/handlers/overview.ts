import { DAY_MS, DEFAULT_GRANULARITY } from "#contract/assumptions";
import { resolveWindow, startOfUtcDay, startOfUtcWeek, utcDay, type ResolvedWindow } from "#contract/dates";
import type { LabelOverviewQuery } from "#contract/query";
import type { LabelOverview } from "#contract/responses";
import { gate, isReply, reply, type SimContext, type SimReply } from "./context";

interface Tally {
  count: number;
  senders: Set<number>;
}

const newTally = (): Tally => ({ count: 0, senders: new Set() });

/**
 * Per-bucket label counts over the window. Buckets are UTC days, or weeks keyed by their
 * Monday (which may fall before `from`); only messages inside the window count, so each row
 * equals what GET /vip-messages returns for the row's label and its bucket clipped to the
 * window. A whole day inside the window is read from the day's tally; a day the window cuts
 * is counted message by message.
 */
export function labelOverview(ctx: SimContext, query: LabelOverviewQuery): SimReply {
  const data = gate(ctx, query.workspaceId, query.mediumId);
  if (isReply(data)) return data;
  const granularity = query.granularity ?? DEFAULT_GRANULARITY;
  const { fromMs, toMs } = resolveWindow(query.from, query.to) as ResolvedWindow;
  const step = granularity === "week" ? 7 * DAY_MS : DAY_MS;
  const bucketStart = granularity === "week" ? startOfUtcWeek : startOfUtcDay;
  const first = bucketStart(fromMs);
  const bucketCount = Math.ceil((toMs - first) / step);

  const activity = Array.from({ length: bucketCount }, newTally);
  const perLabel = new Map<string, Tally[]>();
  const tallyFor = (label: string, bucket: number) => {
    let tallies = perLabel.get(label);
    if (!tallies) perLabel.set(label, (tallies = Array.from({ length: bucketCount }, newTally)));
    return tallies[bucket] as Tally;
  };
  const addAll = (tally: Tally, count: number, senders: Int32Array) => {
    tally.count += count;
    for (const sender of senders) tally.senders.add(sender);
  };

  for (let dayStart = startOfUtcDay(fromMs); dayStart < toMs; dayStart += DAY_MS) {
    const bucket = Math.floor((Math.max(dayStart, fromMs) - first) / step);
    const whole = dayStart >= fromMs && dayStart + DAY_MS <= toMs ? data.messages.tally(dayStart) : undefined;
    if (whole) {
      addAll(activity[bucket] as Tally, whole.activity, whole.senders);
      for (const [label, t] of whole.labels) addAll(tallyFor(label, bucket), t.count, t.senders);
      continue;
    }
    for (const m of data.messages.ascending(Math.max(dayStart, fromMs), Math.min(dayStart + DAY_MS, toMs))) {
      const at = activity[bucket] as Tally;
      at.count += 1;
      at.senders.add(m.user);
      for (const label of [...m.labels, ...m.customLabelIds]) {
        const t = tallyFor(label, bucket);
        t.count += 1;
        t.senders.add(m.user);
      }
    }
  }

  const buckets = Array.from({ length: bucketCount }, (_, b) => utcDay(first + b * step));
  const labels = ctx.dataset.labels;
  const rows: LabelOverview["rows"] = [];
  for (const label of labels) {
    perLabel.get(label.id)?.forEach((t, b) => {
      if (t.count > 0) {
        rows.push({ bucket: buckets[b] as string, label: label.id, count: t.count, uniqueConversations: t.senders.size });
      }
    });
  }
  const body: LabelOverview = {
    granularity,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    buckets,
    labels: labels.map((l) => ({ ...l })),
    rows,
    activity: activity.map((t, b) => ({
      bucket: buckets[b] as string,
      count: t.count,
      uniqueConversations: t.senders.size,
    })),
  };
  return reply(200, body);
}
