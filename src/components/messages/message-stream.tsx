import { useDeferredValue, useEffect, useState } from "react";
import type { VipMessage } from "#contract/responses";
import { QueryError } from "../query-error";
import { formatCount, plural } from "../../lib/format/numbers";
import { VirtualMessageList } from "./virtual-message-list";

/**
 * Up to this many, "Load all" is offered (50 pages of 200): the virtual list keeps the page
 * light whatever it holds, and a big studio's busiest bars (6,000 messages a day) fit. Above,
 * the messages still load as the reader scrolls, and the export has every one.
 */
export const LOAD_ALL_MAX = 10_000;

/** The infinite query's parts a stream reads (React Query's own fields). */
export interface MessagePages {
  messages: readonly VipMessage[];
  complete: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => void;
}

const normalize = (text: string) => text.normalize("NFKC").toLocaleLowerCase();

/** Does a message's text, player or conversation contain the search? */
const matches = (message: VipMessage, needle: string) =>
  normalize(`${message.text ?? ""}\n${message.userName ?? ""}\n${message.conversationId}`).includes(needle);

/**
 * Messages as one stream, the same in a bar's drill-down and in the Messages view: a virtual
 * list (only what is on screen is in the page, however many are loaded) that loads the next
 * page as the reader nears the end, "Load all" for lists up to a few thousand (with Stop), Load
 * more for the keyboard, and a search within what is loaded. `summary` says how many are
 * loaded against what the overview counts; the caller keeps the count check.
 */
export function MessageStream({
  pages,
  listLabel,
  labelNames,
  summary,
  upTo,
}: {
  pages: MessagePages;
  listLabel: string;
  labelNames: ReadonlyMap<string, string>;
  summary: string;
  /** At most how many the whole list holds (the bar's count), when known: "Load all" up to LOAD_ALL_MAX. */
  upTo: number | undefined;
}) {
  const { messages, complete, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = pages;
  const [search, setSearch] = useState("");
  const [wantAll, setWantAll] = useState(false);
  const needle = normalize(useDeferredValue(search).trim());
  const shown = needle ? messages.filter((m) => matches(m, needle)) : messages;
  const loadingAll = wantAll && hasNextPage && !isFetchNextPageError;
  useEffect(() => {
    if (loadingAll && !isFetchingNextPage) fetchNextPage();
  }, [loadingAll, isFetchingNextPage, fetchNextPage]);
  const canLoadAll = hasNextPage && upTo !== undefined && upTo <= LOAD_ALL_MAX;

  return (
    <div className="message-stream">
      <div className="message-stream__tools">
        <p role="status" aria-live="polite" className="message-stream__status">
          {needle
            ? `${formatCount(shown.length)} of ${plural(messages.length, "loaded message")} match “${search.trim()}”${complete ? "" : "; load all to search every one"}`
            : summary}
        </p>
        {messages.length > 0 && (
          <label className="field field--inline message-stream__search">
            <span className="field__label">Find in these messages</span>
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Text, player or conversation" />
          </label>
        )}
      </div>
      {shown.length > 0 && (
        <VirtualMessageList
          messages={shown}
          labelNames={labelNames}
          label={listLabel}
          // While searching, scrolling the matches does not page on: the search is of what is loaded.
          hasMore={hasNextPage && !needle}
          loadMore={() => {
            if (!isFetchingNextPage) fetchNextPage();
          }}
        />
      )}
      {hasNextPage && upTo !== undefined && upTo > LOAD_ALL_MAX && !needle && (
        <p className="muted">
          {plural(upTo, "message")} are more than is reasonable to read here: they load as you scroll, and Export CSV has every one.
        </p>
      )}
      {needle && shown.length === 0 && <p className="muted">No loaded message matches. {complete ? "" : "Load all to search every one."}</p>}
      {isFetchNextPageError && <QueryError error={pages.error} what="more messages" onRetry={fetchNextPage} />}
      {hasNextPage && !isFetchNextPageError && (
        // For the keyboard and for anyone who would rather not scroll.
        <div className="load-more">
          {loadingAll ? (
            <>
              <span role="status">
                Loading all: {formatCount(messages.length)}
                {upTo !== undefined ? ` of ${formatCount(upTo)}` : ""}…
              </span>
              <button type="button" className="button button--secondary" onClick={() => setWantAll(false)}>
                Stop loading
              </button>
            </>
          ) : (
            <div className="load-more__buttons">
              <button type="button" className="button button--secondary" onClick={fetchNextPage} disabled={isFetchingNextPage}>
                {isFetchingNextPage ? "Loading…" : "Load more"}
              </button>
              {canLoadAll && (
                <button type="button" className="button" onClick={() => setWantAll(true)}>
                  Load all {formatCount(upTo)}
                </button>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
