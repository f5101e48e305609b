import { useInfiniteQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Dialog } from "../../components/dialog";
import { KindSelect } from "../../components/messages/kind-select";
import { ExportButton } from "../../components/export-button";
import { ExportUnavailable, type ExportAccess } from "../../components/export-unavailable";
import { QueryError } from "../../components/query-error";
import { MessageStream } from "../../components/messages/message-stream";
import type { MessageKind } from "#contract/responses";
import type { DrillBar } from "../../lib/drill-bar";
import { formatUtcRange } from "../../lib/format/dates";
import { formatCount, plural } from "../../lib/format/numbers";
import { drillMessagesQuery, drillParamsFor, exportDrillMessages } from "./api";
import { loadedSummary } from "./drilldown-summary";

/** The messages behind one bar, newest first, paged by cursor, filterable by kind, exportable. */
export function DrilldownDialog({
  workspaceId,
  channelId,
  bar,
  labelNames,
  kind,
  onKind,
  onClose,
  exportAccess,
}: {
  workspaceId: string;
  channelId: string;
  bar: DrillBar;
  labelNames: ReadonlyMap<string, string>;
  kind: MessageKind | undefined;
  onKind: (kind: MessageKind | undefined) => void;
  onClose: () => void;
  exportAccess: ExportAccess;
}) {
  const titleId = useId();
  const params = drillParamsFor(workspaceId, channelId, bar, kind);
  const query = useInfiniteQuery(drillMessagesQuery(params));
  const messages = query.data?.pages.flatMap((p) => p.items) ?? [];
  const complete = query.isSuccess && !query.hasNextPage;
  const mismatch = complete && !kind && messages.length !== bar.count;

  return (
    <Dialog titleId={titleId} onClose={onClose}>
      <div className="dialog__header">
        <div className="dialog__title-row">
          <h2 id={titleId} className="dialog__title">
            {bar.labelName}: {formatUtcRange(bar.range)}
          </h2>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        </div>
        <p className="dialog__meta">
          {bar.bucketText} · {plural(bar.count, "message")}
          {bar.uniqueConversations !== undefined && ` in ${plural(bar.uniqueConversations, "conversation")}`}
        </p>
        {bar.events && bar.events.length > 0 && (
          <p className="dialog__meta dialog__events">
            <span className="visually-hidden">Events in this period: </span>
            {bar.events.map((e) => (
              <span key={e} className="event-chip">
                {e}
              </span>
            ))}
          </p>
        )}
      </div>
      <div className="dialog__tools">
        <KindSelect kind={kind} onKind={onKind} inline />
        {exportAccess === "allowed" ? (
          <ExportButton
            key={JSON.stringify(params)}
            run={() => exportDrillMessages(params)}
            preparing={kind ? `Preparing ${kind} messages…` : `Preparing ${formatCount(bar.count)} rows…`}
            disabled={bar.count === 0}
          />
        ) : (
          <ExportUnavailable contact={exportAccess.contact} />
        )}
      </div>
      <div className="dialog__body">
        {query.isPending ? (
          <p role="status">Loading messages…</p>
        ) : query.isError && messages.length === 0 ? (
          <QueryError error={query.error} what="the messages" onRetry={() => void query.refetch()} />
        ) : (
          <>
            {mismatch && (
              <p className="notice notice--warning" role="alert">
                Dynamo returned {plural(messages.length, "message")} for this bar, which counts {formatCount(bar.count)}. The
                numbers may have changed since the chart loaded; reload the chart to compare.
              </p>
            )}
            <MessageStream
              pages={{
                messages,
                complete,
                hasNextPage: query.hasNextPage,
                isFetchingNextPage: query.isFetchingNextPage,
                isFetchNextPageError: query.isFetchNextPageError,
                error: query.error,
                fetchNextPage: () => void query.fetchNextPage(),
              }}
              listLabel={`Messages labeled ${bar.labelName}`}
              labelNames={labelNames}
              summary={loadedSummary(messages.length, bar.count, kind, complete)}
              upTo={bar.count}
            />
          </>
        )}
      </div>
    </Dialog>
  );
}
