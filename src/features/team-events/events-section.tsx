import { EventTitle } from "../../components/event-title";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TeamEvent } from "#contract/events";
import { QueryError } from "../../components/query-error";
import { isApiError } from "../../lib/api-client";
import { formatEventDays } from "../../lib/format/dates";
import { deleteEvent, eventKeys, type EventsPage } from "./api";
import { EventForm } from "./event-form";
import { EventsImport } from "./events-import";
import type { UseQueryResult } from "@tanstack/react-query";

type Editing = { kind: "new" } | { kind: "import" } | { kind: "edit"; id: string } | undefined;

/**
 * The team's events in the chart's range, under the chart: what the numbered strips are, and
 * for analysts (and up) the place to add, change, delete and paste them. Viewers read them and
 * are told whom to ask.
 */
export function EventsSection({
  workspaceId,
  channelId,
  query,
  canEdit,
  contact,
  defaultDay,
}: {
  workspaceId: string;
  channelId: string;
  query: UseQueryResult<EventsPage>;
  canEdit: boolean;
  contact: string;
  /** The day a new event starts on unless changed: today (UTC). */
  defaultDay: string;
}) {
  const [editing, setEditing] = useState<Editing>();
  const items = query.data?.items ?? [];
  return (
    <section className="events-section" aria-labelledby="events-heading">
      <div className="events-section__head">
        <h2 id="events-heading">Events in this range</h2>
        {canEdit && (
          <div className="events-section__actions">
            <button type="button" className="button button--secondary" aria-expanded={editing?.kind === "new"} onClick={() => setEditing(editing?.kind === "new" ? undefined : { kind: "new" })}>
              Add an event
            </button>
            <button type="button" className="button button--secondary" aria-expanded={editing?.kind === "import"} onClick={() => setEditing(editing?.kind === "import" ? undefined : { kind: "import" })}>
              Paste a list (CSV)
            </button>
          </div>
        )}
      </div>
      <p className="chart-caption">
        Launches, patches, outages: marked on every chart of this workspace, in each bar&apos;s name and over its messages. Days are UTC.
        {!canEdit && ` Analysts add and change events; ask ${contact} for that role.`}
      </p>
      {editing?.kind === "new" && <EventForm workspaceId={workspaceId} channelId={channelId} defaultDay={defaultDay} onDone={() => setEditing(undefined)} />}
      {editing?.kind === "import" && <EventsImport workspaceId={workspaceId} channelId={channelId} onDone={() => setEditing(undefined)} />}
      {query.isPending ? (
        <p className="muted" role="status">
          Loading the events…
        </p>
      ) : query.isError ? (
        <QueryError error={query.error} what="the events" onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">No events in this range{canEdit ? "; add one to mark it on the charts." : "."}</p>
      ) : (
        <>
          {query.data?.truncated && (
            <p className="notice notice--warning" role="status">
              {query.data.message}
            </p>
          )}
          <ul className="events-list">
            {items.map((event) =>
              editing?.kind === "edit" && editing.id === event.id ? (
                <li key={event.id}>
                  <EventForm workspaceId={workspaceId} channelId={channelId} event={event} defaultDay={defaultDay} onDone={() => setEditing(undefined)} />
                </li>
              ) : (
                <EventRow key={event.id} event={event} canEdit={canEdit} onEdit={() => setEditing({ kind: "edit", id: event.id })} />
              ),
            )}
          </ul>
        </>
      )}
    </section>
  );
}

function EventRow({ event, canEdit, onEdit }: { event: TeamEvent; canEdit: boolean; onEdit: () => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteEvent(event.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
  return (
    <li className="events-list__item">
      <span className="events-list__days">{formatEventDays(event)}</span>
      <span className="events-list__title">
        <EventTitle event={event} />
      </span>
      <span className="muted events-list__scope">{event.mediumId ? "this channel" : "every channel"}</span>
      {canEdit && (
        <span className="events-list__actions">
          {confirming ? (
            <>
              <button type="button" className="button button--small button--danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
                {remove.isPending ? "Deleting…" : `Delete “${event.title}”`}
              </button>
              <button type="button" className="button button--small button--secondary" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button button--small button--secondary" aria-label={`Change ${event.title}`} onClick={onEdit}>
                Change
              </button>
              <button type="button" className="button button--small button--secondary" aria-label={`Delete ${event.title}`} onClick={() => setConfirming(true)}>
                Delete
              </button>
            </>
          )}
        </span>
      )}
      {remove.isError && (
        <span className="export__error" role="alert">
          {isApiError(remove.error) ? remove.error.message : "The event could not be deleted. Try again."}
        </span>
      )}
    </li>
  );
}
