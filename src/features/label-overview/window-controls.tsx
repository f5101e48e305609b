import { PRESET_LABELS, presetWindow, type WindowPreset } from "./window";
import type { LabelsView, Mode, Presentation } from "./url-state";

function Segmented<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option}>
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** From/To (UTC dates), presets, Day/Week, Counts/Rate and chart/table. */
export function WindowControls({
  view,
  onChange,
  now,
}: {
  view: LabelsView;
  onChange: (patch: Partial<LabelsView>) => void;
  now: number;
}) {
  return (
    <div className="window-controls">
      <label className="field">
        <span className="field__label">From</span>
        <input type="date" value={view.from} max={view.to || undefined} onChange={(e) => onChange({ from: e.target.value })} />
      </label>
      <label className="field">
        <span className="field__label">To</span>
        <input type="date" value={view.to} min={view.from || undefined} onChange={(e) => onChange({ to: e.target.value })} />
      </label>
      <div className="presets" role="group" aria-label="Window presets">
        {(Object.keys(PRESET_LABELS) as WindowPreset[]).map((preset) => {
          const window = presetWindow(preset, now);
          const active = window.from === view.from && window.to === view.to;
          return (
            <button
              key={preset}
              type="button"
              className="button button--secondary"
              aria-pressed={active}
              onClick={() => onChange(window)}
            >
              {PRESET_LABELS[preset]}
            </button>
          );
        })}
      </div>
      <Segmented
        legend="Granularity"
        name="granularity"
        value={view.granularity}
        options={[
          ["day", "Day"],
          ["week", "Week"],
        ]}
        onChange={(granularity) => onChange({ granularity })}
      />
      <Segmented<Mode>
        legend="Show"
        name="mode"
        value={view.mode}
        options={[
          ["count", "Counts"],
          ["rate", "Rate"],
        ]}
        onChange={(mode) => onChange({ mode })}
      />
      <Segmented<Presentation>
        legend="As"
        name="presentation"
        value={view.presentation}
        options={[
          ["chart", "Chart"],
          ["table", "Table"],
        ]}
        onChange={(presentation) => onChange({ presentation })}
      />
    </div>
  );
}
