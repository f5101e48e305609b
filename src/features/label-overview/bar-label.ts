import type { Granularity } from "#contract/responses";
import { describeBucket } from "../../lib/format/buckets";
import { formatCount } from "../../lib/format/numbers";

/** The accessible name of a bar: "Frustrated, 2026-06-08: 42 messages" ("week of …" for weeks). */
export function barLabel(labelName: string, bucket: string, granularity: Granularity, count: number): string {
  return `${labelName}, ${describeBucket(bucket, granularity)}: ${formatCount(count)} ${count === 1 ? "message" : "messages"}`;
}
