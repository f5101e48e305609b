import { PRESET_LABELS, presetWindow, type DayWindow, type WindowPreset } from "../lib/day-window";

const DEFAULT_PRESETS: readonly WindowPreset[] = ["last7", "last30", "thisMonth", "lastMonth"];

/** From and To (whole UTC days) and the presets, as every view with a window shows them. */
export function DayWindowPicker({
  window,
  onChange,
  now,
  presets = DEFAULT_PRESETS,
}: {
  window: DayWindow;
  onChange: (next: Partial<DayWindow>) => void;
  now: number;
  /** The presets offered (the Labels view adds long ranges). */
  presets?: readonly WindowPreset[];
}) {
  return (
    <>
      <label className="field">
        <span className="field__label">From</span>
        <input type="date" value={window.from} max={window.to || undefined} onChange={(e) => onChange({ from: e.target.value })} />
      </label>
      <label className="field">
        <span className="field__label">To</span>
        <input type="date" value={window.to} min={window.from || undefined} onChange={(e) => onChange({ to: e.target.value })} />
      </label>
      <div className="presets" role="group" aria-label="Window presets">
        {presets.map((preset) => {
          const candidate = presetWindow(preset, now);
          const active = candidate.from === window.from && candidate.to === window.to;
          return (
            <button key={preset} type="button" className="button button--secondary" aria-pressed={active} onClick={() => onChange(candidate)}>
              {PRESET_LABELS[preset]}
            </button>
          );
        })}
      </div>
    </>
  );
}
