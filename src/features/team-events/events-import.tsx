import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { EVENT_IMPORT_MAX_ROWS } from "#contract/events";
import { isApiError } from "../../lib/api-client";
import { plural } from "../../lib/format/numbers";
import { eventKeys, importEvents } from "./api";

/**
 * Many events at once, pasted from a spreadsheet: date, end date, title, link per row (a header
 * row is fine). All or nothing: when a row is wrong, nothing is added and the server's message
 * names each row to fix.
 */
export function EventsImport({ workspaceId, channelId, onDone }: { workspaceId: string; channelId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState("");
  const [thisChannel, setThisChannel] = useState(false);
  const run = useMutation({
    mutationFn: () => importEvents({ workspaceId, csv, ...(thisChannel ? { mediumId: channelId } : {}) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      setCsv("");
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  return (
    <form className="event-form" onSubmit={submit} aria-labelledby="events-import-title">
      <h3 id="events-import-title">Paste a list of events</h3>
      <label className="field field--wide">
        <span className="field__label">
          CSV: date, end date, title, link (one event per row, up to {EVENT_IMPORT_MAX_ROWS}; end date and link may be empty)
        </span>
        <textarea rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} placeholder={"2026-11-12,2026-11-15,Season 4 launch,https://example.com/patch-notes\n2026-11-20,,Servers down,"} />
      </label>
      <fieldset className="segmented">
        <legend>Channels</legend>
        <label>
          <input type="radio" name="events-import-scope" checked={!thisChannel} onChange={() => setThisChannel(false)} />
          Every channel
        </label>
        <label>
          <input type="radio" name="events-import-scope" checked={thisChannel} onChange={() => setThisChannel(true)} />
          This channel only
        </label>
      </fieldset>
      {run.isError && (
        <p className="export__error" role="alert">
          {isApiError(run.error) ? run.error.message : "The events could not be added. Try again."}
        </p>
      )}
      {run.isSuccess && (
        <p className="notice" role="status">
          Added {plural(run.data.events.length, "event")}.
        </p>
      )}
      <div className="event-form__actions">
        <button type="submit" className="button" disabled={run.isPending || csv.trim() === ""}>
          {run.isPending ? "Adding…" : "Add these events"}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Close
        </button>
      </div>
    </form>
  );
}
