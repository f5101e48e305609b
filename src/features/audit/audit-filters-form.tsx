import { type FormEvent, useState } from "react";
import { AUDIT_ACTION_NAMES, type AuditActionName } from "#contract/dashboard-api";
import { ACTION_WORDS } from "./audit-words";
import type { AuditFilters } from "./url-state";

/** Person, action, workspace and UTC days; applied together, so typing does not query. */
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
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "") || undefined;
    onApply({
      actor: actor.trim() || undefined,
      action: value("action") as AuditActionName | undefined,
      workspace: value("workspace"),
      from: value("from"),
      to: value("to"),
    });
  };
  return (
    <form className="filters" aria-label="Filter the audit log" onSubmit={submit}>
      <label className="field">
        <span className="field__label">Person</span>
        <input type="search" value={actor} onChange={(e) => setActor(e.target.value)} placeholder="e-mail contains…" />
      </label>
      <label className="field">
        <span className="field__label">Action</span>
        <select name="action" defaultValue={filters.action ?? ""}>
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
        <select name="workspace" defaultValue={filters.workspace ?? ""}>
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
        <input type="date" name="from" defaultValue={filters.from ?? ""} />
      </label>
      <label className="field">
        <span className="field__label">To (UTC)</span>
        <input type="date" name="to" defaultValue={filters.to ?? ""} />
      </label>
      <button type="submit" className="button">
        Apply
      </button>
    </form>
  );
}
