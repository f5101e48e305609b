import { useEffect, useRef, useState } from "react";
import { AUDIT_ACTION_NAMES, type AuditActionName } from "#contract/dashboard-api";
import { ACTION_WORDS } from "./audit-words";
import type { AuditFilters } from "./url-state";

/** Typing a person's name is applied once the typing pauses, not on every key. */
const TYPING_PAUSE_MS = 400;

/**
 * Person, action, workspace and UTC days, applied as they change, like every other filter of
 * the dashboard (the person field once typing pauses, or on Enter).
 */
export function AuditFiltersForm({
  filters,
  workspaces,
  onApply,
}: {
  filters: AuditFilters;
  workspaces: readonly { id: string; name: string }[];
  onApply: (patch: Partial<AuditFilters>) => void;
}) {
  const [actor, setActor] = useState(filters.actor ?? "");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const applyActor = (value: string) => {
    clearTimeout(timer.current);
    if ((value.trim() || undefined) !== filters.actor) onApply({ actor: value.trim() || undefined });
  };
  return (
    <form
      className="filters"
      aria-label="Filter the audit log"
      onSubmit={(event) => {
        event.preventDefault();
        applyActor(actor);
      }}
    >
      <label className="field">
        <span className="field__label">Person</span>
        <input
          type="search"
          value={actor}
          onChange={(e) => {
            const value = e.target.value;
            setActor(value);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => applyActor(value), TYPING_PAUSE_MS);
          }}
          placeholder="e-mail contains…"
        />
      </label>
      <label className="field">
        <span className="field__label">Action</span>
        <select value={filters.action ?? ""} onChange={(e) => onApply({ action: (e.target.value || undefined) as AuditActionName | undefined })}>
          <option value="">Any action</option>
          {AUDIT_ACTION_NAMES.map((a) => (
            <option key={a} value={a}>
              {ACTION_WORDS[a]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Workspace</span>
        <select value={filters.workspaceId ?? ""} onChange={(e) => onApply({ workspaceId: e.target.value || undefined })}>
          <option value="">Any workspace</option>
          {workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">From (UTC)</span>
        {/* A date input's value is a whole day or empty: nothing else to check. */}
        <input type="date" value={filters.from ?? ""} onChange={(e) => onApply({ from: e.target.value || undefined })} />
      </label>
      <label className="field">
        <span className="field__label">To (UTC)</span>
        <input type="date" value={filters.to ?? ""} onChange={(e) => onApply({ to: e.target.value || undefined })} />
      </label>
    </form>
  );
}
