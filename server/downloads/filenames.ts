import { utcDay } from "../../src/contract/dates";

const slug = (value: string) => value.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "x";

/** `vip-users-<workspace>-<channel>-<date>.csv`, with month and has-birthday filters named. */
export function usersExportFilename(q: { workspaceId: string; mediumId: string; hasBirthday?: string; birthdayMonth?: number }, now: number) {
  const parts = ["vip-users", slug(q.workspaceId), slug(q.mediumId)];
  if (q.birthdayMonth !== undefined) parts.push(`birthday-month-${String(q.birthdayMonth).padStart(2, "0")}`);
  else if (q.hasBirthday === "true") parts.push("with-birthday");
  parts.push(utcDay(now));
  return `${parts.join("-")}.csv`;
}

/** `vip-messages-<workspace>-<channel>[-<label>][-<kind>]-<from>-<to>.csv`. */
export function messagesExportFilename(q: {
  workspaceId: string;
  mediumId: string;
  label?: string;
  contentType?: string;
  from: { raw: string };
  to: { raw: string };
}) {
  const parts = ["vip-messages", slug(q.workspaceId), slug(q.mediumId)];
  if (q.label) parts.push(slug(q.label));
  if (q.contentType) parts.push(q.contentType);
  parts.push(slug(q.from.raw.replaceAll(":", "")), slug(q.to.raw.replaceAll(":", "")));
  return `${parts.join("-")}.csv`;
}
