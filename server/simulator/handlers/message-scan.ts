import type { MessageKind, VipMessage } from "#contract/responses";
import type { SimMessage } from "../data/generate-messages";
import type { MessageLog } from "../data/message-log";
import { lowerBound } from "../lower-bound";

export interface MessageFilter {
  fromMs: number;
  /** Exclusive. */
  toMs: number;
  label?: string;
  kind?: MessageKind;
}

/** First index whose timestamp is >= `ts` in an oldest-first array. */
export const firstAtOrAfter = (messages: readonly SimMessage[], ts: number) =>
  lowerBound(messages.length, (i) => (messages[i] as SimMessage).timestamp < ts);

export function matches(m: SimMessage, filter: MessageFilter): boolean {
  if (filter.kind && m.kind !== filter.kind) return false;
  if (filter.label && !m.labels.includes(filter.label) && !m.customLabelIds.includes(filter.label)) return false;
  return true;
}

/** Matching messages newest first, below `beforeMs` (exclusive), lazily. */
export function* newestFirst(log: MessageLog, filter: MessageFilter, beforeMs = Infinity) {
  for (const m of log.descending(filter.fromMs, Math.min(filter.toMs, beforeMs))) if (matches(m, filter)) yield m;
}

export function toApiMessage(m: SimMessage): VipMessage {
  return {
    timestamp: m.timestamp,
    date: new Date(m.timestamp).toISOString(),
    conversationId: m.conversationId,
    userName: m.userName,
    kind: m.kind,
    source: m.source,
    labels: m.labels,
    customLabelIds: m.customLabelIds,
    text: m.text,
  };
}
