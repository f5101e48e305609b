import { useEffect, useMemo, useState } from "react";
import { UPCOMING_RANGE_ORDER, UPCOMING_RANGES } from "#contract/upcoming-birthdays";
import { READER_TIME_ZONE } from "../../lib/format/locale";
import { timeZoneChoices } from "./time-zones";
import type { BirthdaysView } from "./url-state";

/**
 * Each zone's offset formatter, made once: making one is what costs (~0.3–0.8 ms each, some 400
 * of them), formatting with it is cheap, so the minute tick re-reads every offset for little.
 */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function offsetFormatter(zone: string): Intl.DateTimeFormat {
  let format = offsetFormatters.get(zone);
  if (!format) offsetFormatters.set(zone, (format = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "shortOffset" })));
  return format;
}

/** "UTC+9" for a zone right now (its offset changes with summer time, so it is read at `now`). */
function offsetOf(zone: string, now: number): string {
  const part = offsetFormatter(zone).formatToParts(now).find((p) => p.type === "timeZoneName");
  return part?.value.replace("GMT", "UTC") ?? "";
}

/** When the select starts filling after the page opens, and how many formatters a slice makes at least. */
const START_AFTER_MS = 1_500;
const ZONES_PER_SLICE = 20;

/** Zones whose formatter is not made yet. */
const unprepared = () => timeZoneChoices().filter((zone) => !offsetFormatters.has(zone));

/**
 * The select starts with the chosen zone only, and fills once every zone's formatter is made:
 * from 1.5 s after the page opens, a few at a time while the browser is idle, so no long task
 * holds back the list's request or its first rows (all at once, ~0.2–0.4 s on a slow laptop,
 * it did); or at once when the person reaches for the select.
 */
function useAllZones(): [boolean, () => void] {
  // A second visit finds every formatter made.
  const [all, setAll] = useState(() => unprepared().length === 0);
  useEffect(() => {
    let pending = unprepared();
    if (pending.length === 0) return;
    const idle = typeof window.requestIdleCallback === "function";
    let handle = 0;
    // A few zones per slice whatever the deadline says (~5–15 ms), so a browser that is never
    // idle for long (or reports no time left) still gets there in a score of slices.
    const slice = (hasTime: () => boolean) => {
      let made = 0;
      do {
        const zone = pending.pop();
        if (zone !== undefined) offsetFormatter(zone);
        made += 1;
      } while (pending.length > 0 && (made < ZONES_PER_SLICE || hasTime()));
      if (pending.length === 0) setAll(true);
      else schedule();
    };
    const schedule = () => {
      if (idle) handle = window.requestIdleCallback((deadline) => slice(() => deadline.timeRemaining() > 2));
      // Without idle callbacks (Safari): a slice a task.
      else handle = window.setTimeout(() => slice(() => false), 50);
    };
    // Not before the list's first rows are up: the slices and the select's ~400 new options
    // would take the page's main thread from them on a slow machine.
    const start = window.setTimeout(schedule, START_AFTER_MS);
    return () => {
      pending = [];
      window.clearTimeout(start);
      if (idle) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
    };
  }, []);
  return [all, () => setAll(true)];
}

function ZoneOptions({ now, selected, all }: { now: number; selected: string; all: boolean }) {
  // Worked out once per minute tick, not on every render.
  const options = useMemo(
    () =>
      (all ? [...new Set([...timeZoneChoices(), selected])] : [selected]).map((zone) => {
        const offset = offsetOf(zone, now);
        const suffix = zone === "UTC" ? "" : ` (${offset})${zone === READER_TIME_ZONE ? " · your browser's" : ""}`;
        return { zone, label: `${zone.replaceAll("_", " ")}${suffix}` };
      }),
    [now, all, selected],
  );
  return options.map(({ zone, label }) => (
    <option key={zone} value={zone}>
      {label}
    </option>
  ));
}

/** Which days (today, tomorrow, the next 7, 14 or 30) and in which time zone "today" is read. */
export function BirthdaysControls({ view, onChange, now }: { view: BirthdaysView; onChange: (patch: Partial<BirthdaysView>) => void; now: number }) {
  const [allZones, fillZones] = useAllZones();
  return (
    <div className="filters">
      <div className="presets" role="group" aria-label="Days">
        {UPCOMING_RANGE_ORDER.map((range) => (
          <button key={range} type="button" className="button button--secondary" aria-pressed={view.range === range} onClick={() => onChange({ range })}>
            {UPCOMING_RANGES[range].name}
          </button>
        ))}
      </div>
      <label className="field field--inline">
        <span className="field__label">Time zone</span>
        <select value={view.zone} onChange={(e) => onChange({ zone: e.target.value })} onFocus={fillZones} onPointerDown={fillZones} onPointerEnter={fillZones}>
          <ZoneOptions now={now} selected={view.zone} all={allZones} />
        </select>
      </label>
    </div>
  );
}
