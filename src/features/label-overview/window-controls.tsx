import { DayWindowPicker } from "../../components/day-window-picker";
import { DAY_MS } from "#contract/assumptions";
import { TREND_MAX_DAYS_BY_DAY } from "#contract/trend-windows";
import type { WindowPreset } from "../../lib/day-window";

const PRESETS: readonly WindowPreset[] = ["last7", "last30", "thisMonth", "lastMonth", "last90", "last6Months", "last12Months"];
const spanDays = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
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
      <DayWindowPicker
        window={view}
        now={now}
        presets={PRESETS}
        onChange={(patch) => {
          // A preset longer than a chart of days holds comes by month (a typed date does not
          // switch anything: the page says what to choose instead).
          const long = patch.from !== undefined && patch.to !== undefined && view.granularity === "day" && spanDays(patch.from, patch.to) > TREND_MAX_DAYS_BY_DAY;
          onChange(long ? { ...patch, granularity: "month" } : patch);
        }}
      />
      <Segmented
        legend="Granularity"
        name="granularity"
        value={view.granularity}
        options={[
          ["day", "Day"],
          ["week", "Week"],
          ["month", "Month"],
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
