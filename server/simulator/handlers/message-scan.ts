import type { MessageKind, VipMessage } from "#contract/responses";
import type { SimMessage } from "../data/generate-messages";

export interface MessageFilter {
  fromMs: number;
  /** Exclusive. */
  toMs: number;
  label?: string;
  kind?: MessageKind;
}

/** First index whose timestamp is >= `ts` in an oldest-first array. */
export function lowerBound(messages: readonly SimMessage[], ts: number): number {
  let lo = 0;
  let hi = messages.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((messages[mid] as SimMessage).timestamp < ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function matches(m: SimMessage, filter: MessageFilter): boolean {
  if (filter.kind && m.kind !== filter.kind) return false;
  if (filter.label && !m.labels.includes(filter.label) && !m.customLabelIds.includes(filter.label)) return false;
  return true;
}

/** Matching messages newest first, below `beforeMs` (exclusive), lazily. */
export function* newestFirst(messages: readonly SimMessage[], filter: MessageFilter, beforeMs = Infinity) {
  const lo = lowerBound(messages, filter.fromMs);
  for (let i = lowerBound(messages, Math.min(filter.toMs, beforeMs)) - 1; i >= lo; i--) {
    const m = messages[i] as SimMessage;
    if (matches(m, filter)) yield m;
  }
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
