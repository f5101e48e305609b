import type { CSSProperties } from "react";
import type { VipMessage } from "#contract/responses";
import { ConversationRef } from "../conversation-ref";
import { formatReaderTime, formatUtc } from "../../lib/format/dates";

/**
 * One message: who, when (in UTC, the clock the bar's bucket uses, so a message of the
 * "2026-11-06" bar reads 2026-11-06 wherever the reader is; their own time beside it), kind,
 * source, labels, and the full text.
 */
export function MessageItem({
  message,
  labelNames,
  measureRef,
  index,
  setSize,
  style,
}: {
  message: VipMessage;
  labelNames: ReadonlyMap<string, string>;
  /** In a virtual list: measures the item, and its place among all loaded. */
  measureRef?: (element: HTMLElement | null) => void;
  index?: number;
  setSize?: number;
  style?: CSSProperties;
}) {
  const labels = [...message.labels, ...message.customLabelIds];
  const reader = formatReaderTime(message.timestamp);
  return (
    <li
      className="message"
      ref={measureRef}
      data-index={index}
      aria-posinset={index === undefined ? undefined : index + 1}
      aria-setsize={setSize}
      style={style}
    >
      <div className="message__meta">
        <span className="message__user">{message.userName || "Unknown player"}</span>
        <time dateTime={new Date(message.timestamp).toISOString()}>{formatUtc(message.timestamp)}</time>
        {reader && <span className="muted">{reader} your time</span>}
        <span className="badge badge--kind">{message.kind}</span>
        {message.source && <span>via {message.source}</span>}
        <ConversationRef id={message.conversationId} copy={false} />
      </div>
      {message.text ? <p className="message__text">{message.text}</p> : <p className="message__text muted">(no text)</p>}
      {labels.length > 0 && (
        <p className="labels-list">
          <span className="visually-hidden">Labels: </span>
          {labels.map((id) => (
            <span key={id} className="badge badge--label">
              {labelNames.get(id) ?? id}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}
