import { DayWindowPicker } from "../../components/day-window-picker";
import { plottedMode, type LabelsView, type Mode, type Presentation } from "./url-state";

function Segmented<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  disabled = false,
}: {
  legend: string;
  name: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="segmented" disabled={disabled}>
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
      <DayWindowPicker window={view} onChange={onChange} now={now} />
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
      <Segmented<Presentation>
        legend="As"
        name="presentation"
        value={view.presentation}
        options={[
          ["multiples", "Per label"],
          ["stack", "Stacked tags"],
          ["table", "Table"],
        ]}
        onChange={(presentation) => onChange({ presentation })}
      />
      <Segmented<Mode>
        legend="Show"
        name="mode"
        value={plottedMode(view)}
        options={[
          ["rate", "Rate"],
          ["count", "Counts"],
        ]}
        onChange={(mode) => onChange({ mode })}
        disabled={view.presentation === "stack"}
      />
    </div>
  );
}
