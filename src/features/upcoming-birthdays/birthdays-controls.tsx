import { useEffect, useMemo, useState } from "react";
import { UPCOMING_RANGE_ORDER, UPCOMING_RANGES } from "#contract/upcoming-birthdays";
import { READER_TIME_ZONE } from "../../lib/format/locale";
import { timeZoneChoices } from "./time-zones";
import type { BirthdaysView } from "./url-state";

/** "GMT+9" for a zone right now (its offset changes with summer time, so it is read at `now`). */
function offsetOf(zone: string, now: number): string {
  const part = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(now).find((p) => p.type === "timeZoneName");
  return part?.value.replace("GMT", "UTC") ?? "";
}

/**
 * Every zone's label costs a formatter (~400 of them, about half a second in all), which would
 * hold back the list's request on a first visit; so the select starts with the chosen zone only
 * and is filled when the browser is idle, or at once when the person reaches for it.
 */
function useAllZones(): [boolean, () => void] {
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback !== "function") {
      const timer = window.setTimeout(() => setAll(true), 1_000);
      return () => window.clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(() => setAll(true), { timeout: 3_000 });
    return () => window.cancelIdleCallback(idle);
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
