import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { VipMessage } from "#contract/responses";
import { MessageItem } from "./message-item";

/**
 * A long list of messages with only what is on screen in the page (thousands stay light), the
 * next page asked for as the reader nears the end. Each item says its place ("3 of 1,200
 * loaded") to a screen reader, since most are not in the page at any moment.
 */
export function VirtualMessageList({
  messages,
  labelNames,
  label,
  hasMore,
  loadMore,
}: {
  messages: readonly VipMessage[];
  labelNames: ReadonlyMap<string, string>;
  label: string;
  hasMore: boolean;
  loadMore: () => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // No React Compiler here (vite.config.ts), so nothing memoizes the virtualizer's functions.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 110,
    overscan: 6,
    // Where layout is not measured (tests), assume a screenful.
    initialRect: { width: 800, height: 700 },
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;
  useEffect(() => {
    // Nearing the end of what is loaded: ask for the next page (once; the query dedupes).
    if (hasMore && lastShown >= messages.length - 10) loadMore();
  }, [hasMore, lastShown, messages.length, loadMore]);

  return (
    <div ref={scroller} className="virtual-messages" tabIndex={0} role="region" aria-label={`${label} (scrolls)`}>
      <ol className="messages" aria-label={label} style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((item) => {
          const message = messages[item.index]!;
          return (
            <MessageItem
              key={item.key}
              message={message}
              labelNames={labelNames}
              measureRef={virtualizer.measureElement}
              index={item.index}
              setSize={messages.length}
              style={{ position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${item.start}px)` }}
            />
          );
        })}
      </ol>
    </div>
  );
}
