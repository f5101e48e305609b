import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { roleRank, type RoleName } from "#contract/access";
import type { SessionAnswer } from "#contract/dashboard-api";
import { REQUEST_NOTE_MAX } from "#contract/grants";
import { isApiError } from "../../lib/api-client";
import { formatUtc } from "../../lib/format/dates";
import { askForAccess, sessionKeys } from "./api";

/**
 * "Ask for access", where a page refuses: an optional note, sent to the admins, who answer in
 * their Access view; the person's next visit says which (their pending request is shown here
 * until then). Asking again updates the one pending request.
 */
export function AskForAccess({ session, workspaceId, role }: { session: SessionAnswer; workspaceId: string | undefined; role: RoleName }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const noteId = useId();
  const noteBox = useRef<HTMLTextAreaElement>(null);
  // Opened, the note takes the focus: the next thing to do is to write it (or send without).
  useEffect(() => {
    if (open) noteBox.current?.focus();
  }, [open]);
  const pending = session.accessRequests.find((r) => r.status === "pending" && r.workspaceId === (workspaceId ?? null) && roleRank(r.role) >= roleRank(role));
  const ask = useMutation({
    mutationFn: () => askForAccess({ ...(workspaceId ? { workspaceId } : {}), role, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: async () => {
      setOpen(false);
      setNote("");
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    },
  });
  if (session.mode === "none") return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask.mutate();
  };

  return (
    <div className="ask-access">
      {pending && !open && (
        <p className="ask-access__pending" role="status">
          You asked for {pending.role === "viewer" ? "access" : `the ${pending.role} role`} on {formatUtc(Date.parse(pending.createdAt))}. An admin
          answers in the dashboard; your next visit here says which.
        </p>
      )}
      {!open && (
        <button type="button" className={pending ? "button button--secondary button--small" : "button"} onClick={() => setOpen(true)}>
          {pending ? "Add a note to your request" : "Ask for access"}
        </button>
      )}
      {open && (
        <form className="ask-access__form" onSubmit={submit} aria-label="Ask for access">
          <label className="field field--wide" htmlFor={noteId}>
            <span className="field__label">Note for the admins (optional)</span>
          </label>
          <textarea
            ref={noteBox}
            id={noteId}
            value={note}
            maxLength={REQUEST_NOTE_MAX}
            rows={3}
            placeholder="Who you are and what you need it for"
            onChange={(e) => setNote(e.target.value)}
          />
          <p className="muted ask-access__what">
            Asks for the <strong>{role}</strong> role{workspaceId ? " in this workspace" : ""}. The admins see your name, e-mail and note.
          </p>
          {ask.isError && (
            <p className="export__error" role="alert">
              {isApiError(ask.error) ? ask.error.message : "The request could not be sent. Try again."}
            </p>
          )}
          <div className="event-form__actions">
            <button type="submit" className="button" disabled={ask.isPending}>
              {ask.isPending ? "Sending…" : "Send request"}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
