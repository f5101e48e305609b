import { eventsDuring, type TeamEvent } from "#contract/events";
import { describeEvent } from "../../lib/format/dates";
import type { ChartModel } from "./chart-model";

/**
 * The team's events on a chart: numbered in the order they start (the number is what the chart
 * draws, the legend explains it), and the events each bucket's period touches (a bar's name,
 * the table's Events column and the CSV list them).
 */
export interface EventMarks {
  list: readonly TeamEvent[];
  at(bucket: string): readonly TeamEvent[];
  number(event: TeamEvent): number;
  /** "Season 4 launch (Nov 12 – Nov 15); Servers down (Nov 20)", or "" for none. */
  textAt(bucket: string): string;
}

export function markEvents(model: ChartModel, events: readonly TeamEvent[]): EventMarks {
  const list = eventsDuring(events, model.window).sort((a, b) => a.start.localeCompare(b.start) || a.title.localeCompare(b.title));
  const numbers = new Map(list.map((e, i) => [e.id, i + 1]));
  const byBucket = new Map(model.buckets.map((b) => [b, eventsDuring(list, model.range(b))]));
  return {
    list,
    at: (bucket) => byBucket.get(bucket) ?? [],
    number: (event) => numbers.get(event.id) ?? 0,
    textAt: (bucket) => (byBucket.get(bucket) ?? []).map((e) => describeEvent(e)).join("; "),
  };
}

export const NO_EVENTS: EventMarks = { list: [], at: () => [], number: () => 0, textAt: () => "" };
