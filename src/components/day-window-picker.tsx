import { useLayoutEffect, useRef } from "react";
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
  const row = useRef<HTMLDivElement>(null);
  const activeIndex = presets.findIndex((preset) => {
    const candidate = presetWindow(preset, now);
    return candidate.from === window.from && candidate.to === window.to;
  });
  // On a phone the presets scroll sideways in one row: the pressed one is kept in sight within
  // the row (never by scrolling the page, which scrollIntoView could do).
  useLayoutEffect(() => {
    const el = row.current;
    const pressed = activeIndex >= 0 ? (el?.children[activeIndex] as HTMLElement | undefined) : undefined;
    if (!el || !pressed || el.scrollWidth <= el.clientWidth) return;
    const left = pressed.getBoundingClientRect().left - el.getBoundingClientRect().left + el.scrollLeft;
    if (left < el.scrollLeft || left + pressed.offsetWidth > el.scrollLeft + el.clientWidth) el.scrollLeft = Math.max(0, left - 8);
  }, [activeIndex]);
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
      <div className="presets presets--one-row" role="group" aria-label="Window presets" ref={row}>
        {presets.map((preset, index) => {
          const candidate = presetWindow(preset, now);
          const active = index === activeIndex;
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
