import { useInfiniteQuery } from "@tanstack/react-query";
import { DayWindowPicker } from "../../components/day-window-picker";
import { KindSelect } from "../../components/messages/kind-select";
import { ExportButton } from "../../components/export-button";
import { ExportUnavailable, type ExportAccess } from "../../components/export-unavailable";
import { EmptyState } from "../../components/feedback";
import { QueryError } from "../../components/query-error";
import type { InstantRange } from "../../lib/format/dates";
import { formatCount, plural } from "../../lib/format/numbers";
import { drillMessagesQuery, exportDrillMessages, type DrillParams } from "../../lib/messages-api";
import type { MessagesView } from "./url-state";
import { MessageStream } from "../../components/messages/message-stream";

/**
 * Every VIP user message in a window of whole UTC days, newest first, narrowed by kind and
 * label, loading as the reader scrolls; exported exactly as filtered. `expected` is how many the
 * overview counts for the same selection (undefined where it cannot know, e.g. a kind filter):
 * once everything is loaded the two must agree, and the view says so if they ever do not.
 */
export function MessagesPanel({
  workspaceId,
  channelId,
  view,
  onChange,
  now,
  window,
  windowProblem,
  labels,
  expected,
  exportAccess,
}: {
  workspaceId: string;
  channelId: string;
  view: MessagesView;
  onChange: (patch: Partial<MessagesView>) => void;
  now: number;
  window: InstantRange | undefined;
  windowProblem: string | undefined;
  labels: readonly { id: string; name: string }[];
  expected: number | undefined;
  exportAccess: ExportAccess;
}) {
  const params: DrillParams = {
    workspaceId,
    channelId,
    label: view.label,
    from: new Date(window?.fromMs ?? 0).toISOString(),
    to: new Date(window?.toMs ?? 0).toISOString(),
    kind: view.kind,
  };
  const query = useInfiniteQuery({ ...drillMessagesQuery(params), enabled: window !== undefined });
  const messages = query.data?.pages.flatMap((p) => p.items) ?? [];
  const complete = query.isSuccess && !query.hasNextPage;
  const labelNames = new Map(labels.map((l) => [l.id, l.name]));

  let body;
  if (windowProblem) body = <p className="notice notice--warning" role="alert">{windowProblem}</p>;
  else if (query.isPending) body = <p role="status">Loading messages…</p>;
  else if (query.isError && messages.length === 0) body = <QueryError error={query.error} what="the messages" onRetry={() => void query.refetch()} />;
  else if (complete && messages.length === 0)
    body = (window?.fromMs ?? 0) > now ? <EmptyState title="This window is in the future">Its days have not begun yet (UTC); pick a window up to today.</EmptyState> : <EmptyState title="No VIP messages match in this window" />;
  else {
    body = (
      <>
        {complete && expected !== undefined && messages.length !== expected && (
          <p className="notice notice--warning" role="alert">
            Dynamo listed {plural(messages.length, "message")} where its overview counts {formatCount(expected)}; the numbers may
            have changed since. Reload to compare.
          </p>
        )}
        <MessageStream
          pages={{
            messages,
            complete,
            hasNextPage: !!query.hasNextPage,
            isFetchingNextPage: query.isFetchingNextPage,
            isFetchNextPageError: query.isFetchNextPageError,
            error: query.error,
            fetchNextPage: () => void query.fetchNextPage(),
          }}
          listLabel="VIP messages, newest first"
          labelNames={labelNames}
          summary={`${complete ? `All ${plural(messages.length, "message")} loaded` : `${formatCount(messages.length)} loaded`}${!complete && expected !== undefined ? ` of ${plural(expected, "message")}` : ""}${!complete ? "; more load as you scroll" : ""}`}
          upTo={expected}
        />
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby="messages-heading">
      <div className="panel__header">
        <div>
          <h1 id="messages-heading">VIP messages</h1>
          <p className="panel__sub">Every VIP user message in the window, newest first. Days and times are UTC.</p>
        </div>
        {exportAccess === "allowed" ? (
          <ExportButton
            key={JSON.stringify(params)}
            run={() => exportDrillMessages(params)}
            preparing={expected !== undefined ? `Preparing ${formatCount(expected)} rows…` : "Preparing the file…"}
            disabled={!!windowProblem || (complete && messages.length === 0)}
          />
        ) : (
          <ExportUnavailable contact={exportAccess.contact} />
        )}
      </div>
      <div className="window-controls">
        <DayWindowPicker window={view} onChange={onChange} now={now} />
        <KindSelect kind={view.kind} onKind={(kind) => onChange({ kind })} />
        <label className="field">
          <span className="field__label">Label</span>
          <select value={view.label ?? ""} onChange={(e) => onChange({ label: e.target.value || undefined })}>
            <option value="">Any message, labeled or not</option>
            {labels.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
            {view.label && !labelNames.has(view.label) && <option value={view.label}>{view.label}</option>}
          </select>
        </label>
      </div>
      {body}
    </section>
  );
}
