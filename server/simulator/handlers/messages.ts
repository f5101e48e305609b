import { CSV_LIST_SEPARATOR, MESSAGES_LIMIT_DEFAULT } from "#contract/assumptions";
import { resolveWindow, type ResolvedWindow } from "#contract/dates";
import type { VipMessagesExportQuery, VipMessagesQuery } from "#contract/query";
import type { VipMessage, VipMessagesPage } from "#contract/responses";
import { writeCsv } from "../csv";
import type { SimMessage } from "../data/generate-messages";
import { gate, isReply, reply, type SimContext, type SimReply } from "./context";
import { newestFirst, toApiMessage, type MessageFilter } from "./message-scan";

export const MESSAGE_CSV_COLUMNS = [
  "timestamp",
  "date",
  "conversationId",
  "userName",
  "kind",
  "source",
  "labels",
  "customLabelIds",
  "text",
] as const satisfies readonly (keyof VipMessage)[];

/** A message as an export row: list cells joined with the CSV list separator. */
const messageCsvRow = (m: SimMessage) => {
  const row = toApiMessage(m);
  return MESSAGE_CSV_COLUMNS.map((column) => {
    const value = row[column];
    return Array.isArray(value) ? value.join(CSV_LIST_SEPARATOR) : value;
  });
};

function filterOf(query: VipMessagesExportQuery): MessageFilter {
  // The query schema already refused a bad window, so this cannot be a problem here.
  const window = resolveWindow(query.from, query.to) as ResolvedWindow;
  return { ...window, label: query.label, kind: query.contentType };
}

/**
 * One page, newest first. The cursor is a millisecond timestamp and `before` is strictly
 * older, so a page never ends inside a group of equal timestamps: it stops before the group,
 * or, when the group alone is larger than the page, takes the whole group. Either way no
 * message is skipped or repeated across pages.
 */
export function listMessages(ctx: SimContext, query: VipMessagesQuery): SimReply {
  const data = gate(ctx, query.workspaceId, query.mediumId);
  if (isReply(data)) return data;
  const limit = query.limit ?? MESSAGES_LIMIT_DEFAULT;
  const scan = newestFirst(data.messages, filterOf(query), query.before ?? Infinity);
  let items: SimMessage[] = [];
  let next = scan.next();
  while (!next.done && items.length < limit) {
    items.push(next.value);
    next = scan.next();
  }
  const lastTs = items[items.length - 1]?.timestamp;
  if (!next.done && next.value.timestamp === lastTs) {
    const beforeTie = items.filter((m) => m.timestamp !== lastTs);
    if (beforeTie.length > 0) {
      items = beforeTie;
    } else {
      while (!next.done && next.value.timestamp === lastTs) {
        items.push(next.value);
        next = scan.next();
      }
    }
  }
  const last = items[items.length - 1];
  const mayHaveMore = !next.done;
  const body: VipMessagesPage = {
    items: items.map(toApiMessage),
    returned: items.length,
    mayHaveMore,
    nextCursor: mayHaveMore && last ? String(last.timestamp) : null,
  };
  return reply(200, body);
}

export async function exportMessages(ctx: SimContext, query: VipMessagesExportQuery): Promise<SimReply> {
  const data = gate(ctx, query.workspaceId, query.mediumId);
  if (isReply(data)) return data;
  const object = ctx.storage.newObject();
  const totalCount = await writeCsv(object.path, MESSAGE_CSV_COLUMNS, newestFirst(data.messages, filterOf(query)), messageCsvRow);
  return reply(200, { totalCount, csvUrl: ctx.storage.signedUrl(ctx.origin, object.name, ctx.now) });
}
