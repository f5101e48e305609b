import { DAY_MS, DEFAULT_GRANULARITY } from "#contract/assumptions";
import { resolveWindow, startOfUtcDay, startOfUtcWeek, utcDay, type ResolvedWindow } from "#contract/dates";
import type { LabelOverviewQuery } from "#contract/query";
import type { LabelOverview } from "#contract/responses";
import type { SimMessage } from "../data/generate-messages";
import { gate, isReply, reply, type SimContext, type SimReply } from "./context";
import { firstAtOrAfter } from "./message-scan";

interface Tally {
  count: number;
  conversations: Set<string>;
}

const newTally = (): Tally => ({ count: 0, conversations: new Set() });

function add(tally: Tally, m: SimMessage) {
  tally.count += 1;
  tally.conversations.add(m.conversationId);
}

/**
 * Per-bucket label counts over the window. Buckets are UTC days, or weeks keyed by their
 * Monday (which may fall before `from`); only messages inside the window count, so each row
 * equals what GET /vip-messages returns for the row's label and its bucket clipped to the
 * window.
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

  const end = firstAtOrAfter(data.messages, toMs);
  for (let i = firstAtOrAfter(data.messages, fromMs); i < end; i++) {
    const m = data.messages[i] as SimMessage;
    const bucket = Math.floor((m.timestamp - first) / step);
    add(activity[bucket] as Tally, m);
    for (const label of m.labels) add(tallyFor(label, bucket), m);
    for (const label of m.customLabelIds) add(tallyFor(label, bucket), m);
  }

  const buckets = Array.from({ length: bucketCount }, (_, b) => utcDay(first + b * step));
  const labels = ctx.dataset.labels;
  const rows: LabelOverview["rows"] = [];
  for (const label of labels) {
    perLabel.get(label.id)?.forEach((t, b) => {
      if (t.count > 0) {
        rows.push({ bucket: buckets[b] as string, label: label.id, count: t.count, uniqueConversations: t.conversations.size });
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
      uniqueConversations: t.conversations.size,
    })),
  };
  return reply(200, body);
}
