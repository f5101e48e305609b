import type { InstantRange } from "./format/dates";

/**
 * One bar of the label chart as its drill-down reads it: what it counts, over exactly which
 * instants. The label overview produces it and the message drill-down consumes it; the type
 * lives here because features do not import each other.
 */
export interface DrillBar {
  labelId: string;
  labelName: string;
  /** "2026-06-08 (UTC)", "week of 2026-06-08 (UTC)" or "November 2026 (UTC)". */
  bucketText: string;
  /** The bucket clipped to the overview window. */
  range: InstantRange;
  count: number;
  /** Absent for a month of a long trend: no one upstream call answers it, and days cannot be added. */
  uniqueConversations?: number | undefined;
  /** The team's events the period touches, as their titles and days ("Season 4 launch, Nov 12–15"). */
  events?: readonly string[];
}
