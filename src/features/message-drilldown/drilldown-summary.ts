import type { MessageKind } from "#contract/responses";
import { formatCount, plural } from "../../lib/format/numbers";

/**
 * How many messages are on screen against how many the bar counts. With a kind filter the
 * bar's total does not apply (it counts every kind), so it is given as context, not a target.
 */
export function loadedSummary(loaded: number, barCount: number, kind: MessageKind | undefined, complete: boolean): string {
  if (kind) {
    const what = plural(loaded, `${kind} message`);
    return `${complete ? "All" : "Showing"} ${what}${complete ? "" : " so far"} (the bar counts ${plural(barCount, "message")} of all kinds)`;
  }
  if (complete) return `All ${plural(loaded, "message")} shown`;
  return `Showing ${formatCount(loaded)} of ${plural(barCount, "message")}`;
}
