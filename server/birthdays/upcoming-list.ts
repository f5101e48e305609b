import { USERS_LIMIT_MAX } from "#contract/assumptions";
import type { UpcomingBirthday, UpcomingBirthdays } from "#contract/dashboard-api";
import { vendorScopeParams, type ChannelScope } from "#contract/channel-scope";
import type { VipUser, VipUsersPage } from "#contract/responses";
import { UPSTREAM_ROUTES } from "#contract/routes";
import { birthdayMatcher } from "#contract/upcoming-birthdays";
import { mapOutcome, type ProxyAnswer } from "../http/map-outcome";
import type { UpstreamClient } from "../upstream/client";

export interface BirthdayScanOptions {
  /** Players per page asked of the Dynamo API. */
  pageSize: number;
  /** Pages read per month at most; a month longer than that is reported incomplete. */
  maxPagesPerMonth: number;
}

/** The vendor's largest page, and room for 20,000 birthdays in one month. */
export const BIRTHDAY_SCAN: BirthdayScanOptions = { pageSize: USERS_LIMIT_MAX, maxPagesPerMonth: 40 };

type MonthScan =
  | { ok: true; month: number; users: VipUser[]; pages: number; upstreamCalls: number; complete: boolean }
  | { ok: false; answer: ProxyAnswer };

/** Pages of one month asked for ahead of the one being read: a big studio's month is dozens of pages. */
const PAGES_AHEAD = 3;

/**
 * Every player whose birthday is in `month`, read page by page with the vendor's month filter
 * until it says there is no next page: a month never is assumed to fit in one page. Each page
 * goes through the gateway, so a month read a moment ago is a cache hit, not a call. The next
 * few pages are asked for while one is read, at the offsets full pages would give; a page is
 * only ever used at the offset the page before it named, so a shorter page (or a vendor that
 * pages otherwise) costs the guesses, never a wrong list.
 */
async function scanMonth(upstream: UpstreamClient, q: BirthdayRange, month: number, options: BirthdayScanOptions): Promise<MonthScan> {
  const route = UPSTREAM_ROUTES.vipUsers;
  const ask = (offset: number) =>
    upstream.get(
      route.path,
      new URLSearchParams({ ...vendorScopeParams(q), birthdayMonth: String(month), limit: String(options.pageSize), offset: String(offset) }),
      route.kind,
    );
  const asked = new Map<number, ReturnType<typeof ask>>();
  const pageAt = (offset: number) => {
    let pending = asked.get(offset);
    if (!pending) asked.set(offset, (pending = ask(offset)));
    return pending;
  };
  const users: VipUser[] = [];
  let offset = 0;
  let pages = 0;
  let upstreamCalls = 0;
  /** Every call this month cost, the guesses that went unused included: the scan note says what the list cost. */
  const done = async (scan: Extract<MonthScan, { ok: true }>): Promise<MonthScan> => {
    const outcomes = await Promise.allSettled(asked.values());
    upstreamCalls = outcomes.filter((o) => o.status === "fulfilled" && o.value.attempts > 0).length;
    return { ...scan, upstreamCalls };
  };
  /** What the month holds, from the page before (none before the first). */
  let total = 0;
  for (;;) {
    const current = pageAt(offset);
    // The pages after it, up to what the month holds and our page limit. A failed guess is only
    // awaited if it is the page the list needs, which the loop would have asked for anyway.
    for (let ahead = 1; ahead <= PAGES_AHEAD && pages + ahead < options.maxPagesPerMonth; ahead++) {
      const guess = offset + ahead * options.pageSize;
      if (guess < total) void pageAt(guess).catch(() => undefined);
    }
    const outcome = await current;
    const answer = mapOutcome(outcome, route.response);
    if (answer.status !== 200) return { ok: false, answer };
    const page = answer.body as VipUsersPage;
    pages += 1;
    users.push(...page.items);
    const next = page.nextOffset ?? null;
    // No next page: complete, unless the vendor stopped its scan early and offers no way on.
    if (next === null) return done({ ok: true, month, users, pages, upstreamCalls, complete: !page.scanCapped });
    // A next offset that does not move on, or our own page limit: stop, and say the month is cut.
    if (next <= offset || pages >= options.maxPagesPerMonth) return done({ ok: true, month, users, pages, upstreamCalls, complete: false });
    offset = next;
    total = page.total;
  }
}

/** The channel and the calendar days asked for (parsed by the contract's schema); `preview`: each month's first page only. */
export type BirthdayRange = ChannelScope & { from: string; days: number; preview?: boolean };

export type BuiltList = { ok: true; list: UpcomingBirthdays } | { ok: false; answer: ProxyAnswer };

/**
 * The players whose birthday falls on `q.days` calendar days from `q.from`: the birthday
 * months those days touch (one or two) are read in full, in parallel, and filtered by day.
 * Sorted by day; within a day the vendor's order stays (highest lifetime value first).
 */
export async function buildUpcomingBirthdays(upstream: UpstreamClient, q: BirthdayRange, options: BirthdayScanOptions = BIRTHDAY_SCAN): Promise<BuiltList> {
  const matcher = birthdayMatcher(q.from, q.days);
  // A preview reads each month's first page: the page the whole scan starts with, so the whole
  // list asked next finds it in the cache.
  const scanOptions = q.preview ? { ...options, maxPagesPerMonth: 1 } : options;
  const scans = await Promise.all(matcher.months.map((month) => scanMonth(upstream, q, month, scanOptions)));
  const failed = scans.find((scan) => !scan.ok);
  if (failed && !failed.ok) return failed;
  const months = scans.filter((scan) => scan.ok);
  const items: UpcomingBirthday[] = [];
  for (const scan of months) {
    for (const user of scan.users) {
      const occurrence = matcher.occurrence(user.birthday);
      if (occurrence) items.push({ ...occurrence, user });
    }
  }
  // Stable: equal days keep the vendor's order.
  items.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return {
    ok: true,
    list: {
      from: q.from,
      to: matcher.to,
      days: q.days,
      items,
      scan: {
        months: months.map(({ month, users, pages, complete }) => ({ month, players: users.length, pages, complete })),
        pages: months.reduce((sum, scan) => sum + scan.pages, 0),
        upstreamCalls: months.reduce((sum, scan) => sum + scan.upstreamCalls, 0),
        complete: months.every((scan) => scan.complete),
        ...(q.preview ? { preview: true } : {}),
      },
    },
  };
}
