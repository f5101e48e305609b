import { DAY_MS } from "#contract/assumptions";
import { resolveWindow, utcDay, type ApiInstant, type ResolvedWindow } from "#contract/dates";

const slug = (value: string) => value.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "x";

/** `vip-users-<workspace>-<channel>-<date>.csv`, with month and has-birthday filters named. */
export function usersExportFilename(q: { workspaceId: string; channelId: string; hasBirthday?: string; birthdayMonth?: number }, now: number) {
  const parts = ["vip-users", slug(q.workspaceId), slug(q.channelId)];
  if (q.birthdayMonth !== undefined) parts.push(`birthday-month-${String(q.birthdayMonth).padStart(2, "0")}`);
  else if (q.hasBirthday === "true") parts.push("with-birthday");
  parts.push(utcDay(now));
  return `${parts.join("-")}.csv`;
}

/** "2026-06-08", or "2026-06-08T1015Z" when the instant is not midnight UTC. */
function instantName(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % DAY_MS === 0 ? iso.slice(0, 10) : `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
}

/**
 * The window as people read it: a single UTC day is that day; whole days are first and last
 * day (inclusive, even though the API's `to` may be the exclusive next midnight).
 */
function windowName({ fromMs, toMs }: ResolvedWindow): string {
  const wholeDays = fromMs % DAY_MS === 0 && toMs % DAY_MS === 0;
  if (wholeDays && toMs - fromMs === DAY_MS) return instantName(fromMs);
  if (wholeDays) return `${instantName(fromMs)}_to_${instantName(toMs - DAY_MS)}`;
  return `${instantName(fromMs)}_to_${instantName(toMs)}`;
}

/** `vip-messages-<workspace>-<channel>[-<label>][-<kind>]-<window>.csv`. */
export function messagesExportFilename(q: {
  workspaceId: string;
  channelId: string;
  label?: string;
  contentType?: string;
  from: ApiInstant;
  to: ApiInstant;
}) {
  const parts = ["vip-messages", slug(q.workspaceId), slug(q.channelId)];
  if (q.label) parts.push(slug(q.label));
  if (q.contentType) parts.push(q.contentType);
  // The query was validated, so the window resolves.
  parts.push(windowName(resolveWindow(q.from, q.to) as ResolvedWindow));
  return `${parts.join("-")}.csv`;
}

/** `vip-birthdays-<workspace>-<channel>-<first day>_to_<last day>.csv` (one day: that day). */
export function birthdaysExportFilename(q: { workspaceId: string; channelId: string; from: string }, to: string) {
  const days = q.from === to ? q.from : `${q.from}_to_${to}`;
  return `${["vip-birthdays", slug(q.workspaceId), slug(q.channelId), days].join("-")}.csv`;
}
