import { useMemo } from "react";
import { UPCOMING_RANGE_ORDER, UPCOMING_RANGES } from "#contract/upcoming-birthdays";
import { READER_TIME_ZONE } from "../../lib/format/locale";
import { timeZoneChoices } from "./time-zones";
import type { BirthdaysView } from "./url-state";

/** "GMT+9" for a zone right now (its offset changes with summer time, so it is read at `now`). */
function offsetOf(zone: string, now: number): string {
  const part = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(now).find((p) => p.type === "timeZoneName");
  return part?.value.replace("GMT", "UTC") ?? "";
}

function ZoneOptions({ now }: { now: number }) {
  // ~400 zones: their labels are worked out once per minute tick, not on every render.
  const options = useMemo(
    () =>
      timeZoneChoices().map((zone) => {
        const offset = offsetOf(zone, now);
        const suffix = zone === "UTC" ? "" : ` (${offset})${zone === READER_TIME_ZONE ? " · your browser's" : ""}`;
        return { zone, label: `${zone.replaceAll("_", " ")}${suffix}` };
      }),
    [now],
  );
  return options.map(({ zone, label }) => (
    <option key={zone} value={zone}>
      {label}
    </option>
  ));
}

/** Which days (today, tomorrow, the next 7, 14 or 30) and in which time zone "today" is read. */
export function BirthdaysControls({ view, onChange, now }: { view: BirthdaysView; onChange: (patch: Partial<BirthdaysView>) => void; now: number }) {
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
        <select value={view.zone} onChange={(e) => onChange({ zone: e.target.value })}>
          <ZoneOptions now={now} />
        </select>
      </label>
    </div>
  );
}
