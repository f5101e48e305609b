import { utcDay } from "#contract/dates";
import type { InstantRange } from "../../lib/format/dates";

/**
 * The Messages view for a bucket's instants (whole UTC days: buckets are days or clipped weeks),
 * keeping the workspace and channel of the current URL. Features link to each other by URL.
 */
export function messagesLink(current: URLSearchParams, range: InstantRange): string {
  const params = new URLSearchParams();
  for (const key of ["ws", "ch"]) {
    const value = current.get(key);
    if (value) params.set(key, value);
  }
  params.set("from", utcDay(range.fromMs));
  params.set("to", utcDay(range.toMs - 1)); // `to` is exclusive; the view's To day is inclusive
  return `/messages?${params}`;
}
