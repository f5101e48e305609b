import { USERS_LIMIT_DEFAULT, USERS_SCAN_CAP } from "#contract/assumptions";
import type { VipUsersExportQuery, VipUsersQuery } from "#contract/query";
import type { VipUser, VipUsersPage } from "#contract/responses";
import { writeCsv } from "../csv";
import { lowerBound } from "../lower-bound";
import type { ChannelData } from "../data/dataset";
import { gate, isReply, reply, type SimContext, type SimReply } from "./context";

export const USER_CSV_COLUMNS = [
  "conversationId",
  "userName",
  "firstName",
  "lastName",
  "cuid",
  "profilePic",
  "birthday",
  "lastPurchaseTimestamp",
  "lastUserMessageTimestamp",
  "lastAppOpenTimestamp",
] as const satisfies readonly (keyof VipUser)[];

/** Positions (in LTV order) of the users a filter matches, cached per filter. */
function matchingPositions(data: ChannelData, filter: VipUsersExportQuery): Int32Array {
  const key = `${filter.hasBirthday ?? ""}:${filter.birthdayMonth ?? ""}`;
  const cached = data.userFilterCache.get(key);
  if (cached) return cached;
  const positions: number[] = [];
  data.users.birthMonths.forEach((month, i) => {
    if (filter.hasBirthday === "true" && month === 0) return;
    if (filter.birthdayMonth !== undefined && month !== filter.birthdayMonth) return;
    positions.push(i);
  });
  const result = Int32Array.from(positions);
  data.userFilterCache.set(key, result);
  return result;
}

/** Count of positions below `limit` (positions are ascending). */
const countBelow = (positions: Int32Array, limit: number) => lowerBound(positions.length, (i) => (positions[i] as number) < limit);

/**
 * One page in LTV order. The scan reads user documents in order: as far as the page needs,
 * then on to count `total`, but no further than USERS_SCAN_CAP documents. When it stops early,
 * `total` counts only what it saw (a lower bound) and `scanCapped` says so.
 */
export function listUsers(ctx: SimContext, query: VipUsersQuery): SimReply {
  const data = gate(ctx, query.workspaceId, query.mediumId);
  if (isReply(data)) return data;
  const limit = query.limit ?? USERS_LIMIT_DEFAULT;
  const offset = query.offset ?? 0;
  const positions = matchingPositions(data, query);
  const page = positions.subarray(Math.min(offset, positions.length), Math.min(offset + limit, positions.length));
  const scannedForPage = page.length === limit ? (page[page.length - 1] as number) + 1 : data.users.count;
  const scanned = Math.max(USERS_SCAN_CAP, scannedForPage);
  const scanCapped = scanned < data.users.count;
  const total = scanCapped ? countBelow(positions, scanned) : positions.length;
  const mayHaveMore = scanCapped || offset + page.length < total;
  const body: VipUsersPage = {
    items: Array.from(page, (i) => data.users.at(i)),
    returned: page.length,
    total,
    mayHaveMore,
    nextOffset: mayHaveMore ? offset + page.length : null,
    scanCapped,
  };
  return reply(200, body);
}

/** Every matching user (no scan cap: an export serializes all matched rows). */
export async function exportUsers(ctx: SimContext, query: VipUsersExportQuery): Promise<SimReply> {
  const data = gate(ctx, query.workspaceId, query.mediumId);
  if (isReply(data)) return data;
  const positions = matchingPositions(data, query);
  const object = ctx.storage.newObject();
  const rows = (function* () {
    for (const i of positions) yield data.users.at(i);
  })();
  const totalCount = await writeCsv(object.path, USER_CSV_COLUMNS, rows, (u) => USER_CSV_COLUMNS.map((c) => u[c]));
  return reply(200, { totalCount, csvUrl: ctx.storage.signedUrl(ctx.origin, object.name, ctx.now) });
}
