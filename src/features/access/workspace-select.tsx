import type { WorkspaceNames } from "./workspace-names";

/** A choice among workspaces by name ("Every workspace" for "*"), optionally with "All" first. */
export function WorkspaceSelect({ label, value, onChange, places, names, all }: { label: string; value: string; onChange: (id: string) => void; places: readonly string[]; names: WorkspaceNames; all?: string }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {all !== undefined && <option value="">{all}</option>}
        {places.map((p) => (
          <option key={p} value={p}>
            {names.of(p)}
          </option>
        ))}
      </select>
    </label>
  );
}
