import type { TrendGranularity } from "#contract/trend-windows";
import { describeBucket } from "./window";
import { formatCount } from "../../lib/format/numbers";

/**
 * What a bar does: open its drill-down, and (on hover or focus, before the click) preview it,
 * so the messages can be on their way by the time the person clicks.
 */
export interface BarActions {
  open(label: string, bucket: string): void;
  preview(label: string, bucket: string): void;
  /** May this person read messages? Only then do the activity periods link to them. */
  messagesAllowed: boolean;
}

/** A bar's id in the DOM (`data-bar`), shared by the chart and the data table. */
export const barId = (label: string, bucket: string) => `${label}|${bucket}`;

/**
 * The accessible name of a bar: "Frustrated, 2026-06-08: 42 messages" ("week of …" for weeks),
 * with what a partial period covers in brackets: "Frustrated, 2026-11-23 (so far): 12 messages",
 * an unusual period says so: "…: 48 messages; unusual: 2.4 times its usual share of the 4 weeks before",
 * and so do the team's events the period touches: "…; events: Season 4 launch (Nov 12 – Nov 15)".
 */
export function barLabel(labelName: string, bucket: string, granularity: TrendGranularity, count: number, partial?: string, unusual?: string, events?: string): string {
  const when = `${describeBucket(bucket, granularity)}${partial ? ` (${partial})` : ""}`;
  return `${labelName}, ${when}: ${formatCount(count)} ${count === 1 ? "message" : "messages"}${unusual ? `; ${unusual}` : ""}${events ? `; events: ${events}` : ""}`;
}
