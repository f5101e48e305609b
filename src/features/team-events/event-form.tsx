import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { EVENT_LINK_MAX, EVENT_TITLE_MAX, type TeamEvent } from "#contract/events";
import { isApiError } from "../../lib/api-client";
import { createEvent, eventKeys, patchEvent } from "./api";

/**
 * Adds an event, or changes one: a title, its first day and (for a range) its last, an optional
 * link, and whether it belongs to every channel of the workspace or to this one. Days are UTC
 * calendar days, like the charts' buckets. The server checks everything again and its message
 * is shown as it is.
 */
export function EventForm({
  workspaceId,
  channelId,
  event,
  defaultDay,
  onDone,
}: {
  workspaceId: string;
  channelId: string;
  /** The event being changed; absent: a new one. */
  event?: TeamEvent;
  defaultDay: string;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(event?.title ?? "");
  const [start, setStart] = useState(event?.start ?? defaultDay);
  const [end, setEnd] = useState(event && event.end !== event.start ? event.end : "");
  const [link, setLink] = useState(event?.link ?? "");
  const [thisChannel, setThisChannel] = useState(event ? event.mediumId !== null : false);
  // A blank title is caught here, with the field named, before anything is sent.
  const [titleMissing, setTitleMissing] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const save = useMutation({
    mutationFn: () => {
      const fields = { title: title.trim(), start, end: end || undefined, link: link.trim() || undefined };
      if (!event) return createEvent({ workspaceId, ...fields, ...(thisChannel ? { mediumId: channelId } : {}) });
      return patchEvent(event.id, { ...fields, end: end || null, link: link.trim() || null, mediumId: thisChannel ? (event.mediumId ?? channelId) : null });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setTitleMissing(true);
      titleInput.current?.focus();
      return;
    }
    save.mutate();
  };
  const formId = event ? `event-form-${event.id}` : "event-form-new";
  return (
    <form className="event-form" onSubmit={submit} aria-labelledby={`${formId}-title`} noValidate>
      <h3 id={`${formId}-title`}>{event ? `Change “${event.title}”` : "Add an event"}</h3>
      <div className="event-form__fields">
        <label className="field field--wide">
          <span className="field__label">Title</span>
          <input
            ref={titleInput}
            value={title}
            maxLength={EVENT_TITLE_MAX}
            required
            aria-invalid={titleMissing || undefined}
            aria-describedby={titleMissing ? `${formId}-title-missing` : undefined}
            onChange={(e) => {
              setTitle(e.target.value);
              if (e.target.value.trim()) setTitleMissing(false);
            }}
            placeholder="Season 4 launch"
          />
          {titleMissing && (
            <span className="field__error" id={`${formId}-title-missing`} role="alert">
              Give the event a title.
            </span>
          )}
        </label>
        <label className="field">
          <span className="field__label">First day (UTC)</span>
          <input type="date" value={start} required onChange={(e) => setStart(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">Last day (optional)</span>
          <input type="date" value={end} min={start || undefined} onChange={(e) => setEnd(e.target.value)} />
        </label>
        <label className="field field--wide">
          <span className="field__label">Link (optional)</span>
          <input type="url" value={link} maxLength={EVENT_LINK_MAX} onChange={(e) => setLink(e.target.value)} placeholder="https://" />
        </label>
        <fieldset className="segmented">
          <legend>Channels</legend>
          <label>
            <input type="radio" name={`${formId}-scope`} checked={!thisChannel} onChange={() => setThisChannel(false)} />
            Every channel
          </label>
          <label>
            <input type="radio" name={`${formId}-scope`} checked={thisChannel} onChange={() => setThisChannel(true)} />
            This channel only
          </label>
        </fieldset>
      </div>
      {save.isError && (
        <p className="export__error" role="alert">
          {isApiError(save.error) ? save.error.message : "The event could not be saved. Try again."}
        </p>
      )}
      <div className="event-form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : event ? "Save changes" : "Add event"}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
