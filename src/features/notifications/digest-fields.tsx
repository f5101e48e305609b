import type { ReactNode } from "react";
import { BIRTHDAY_DAYS_MAX, DEFAULT_DIGEST_SECTIONS, DIGEST_SECTIONS, type DigestSection } from "#contract/notifications";

export interface DigestFieldValues {
  every: "day" | "week";
  weekday: number;
  at: string;
  sections: DigestSection[];
  birthdayDays: number;
  whenEmpty: "skip" | "send";
}

export const DEFAULT_DIGEST: DigestFieldValues = { every: "day", weekday: 1, at: "09:00", sections: [...DEFAULT_DIGEST_SECTIONS], birthdayDays: 0, whenEmpty: "skip" };

const SECTION_WORDS: Record<DigestSection, string> = { birthdays: "Upcoming birthdays", unusual: "Unusual labels since the last digest", totals: "Label totals against the previous period", access: "Requests for access waiting (admins)" };
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** A digest's when and what, shared by the new-subscription form and the edit form. */
export function DigestFields({ value, onChange, zone, admin }: { value: DigestFieldValues; onChange: (patch: Partial<DigestFieldValues>) => void; zone: ReactNode; admin: boolean }) {
  const toggle = (section: DigestSection) =>
    onChange({ sections: value.sections.includes(section) ? value.sections.filter((s) => s !== section) : DIGEST_SECTIONS.filter((s) => s === section || value.sections.includes(s)) });
  return (
    <>
      <div className="notify-form__row">
        <label className="field">
          <span className="field__label">Every</span>
          <select value={value.every} onChange={(e) => onChange({ every: e.target.value as "day" | "week" })}>
            <option value="day">Day</option>
            <option value="week">Week</option>
          </select>
        </label>
        {value.every === "week" && (
          <label className="field">
            <span className="field__label">On</span>
            <select value={value.weekday} onChange={(e) => onChange({ weekday: Number(e.target.value) })}>
              {WEEKDAYS.map((day, i) => (
                <option key={day} value={i + 1}>
                  {day}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span className="field__label">At</span>
          <input type="time" required value={value.at} onChange={(e) => onChange({ at: e.target.value })} />
        </label>
        {zone}
      </div>
      <fieldset className="notify-form__row">
        <legend className="field__label">Sections</legend>
        {/* Requests for access are an admin's to answer: offered to admins (and shown where already chosen). */}
        {DIGEST_SECTIONS.filter((section) => section !== "access" || admin || value.sections.includes(section)).map((section) => (
          <label key={section} className="checkbox">
            <input type="checkbox" checked={value.sections.includes(section)} onChange={() => toggle(section)} /> {SECTION_WORDS[section]}
          </label>
        ))}
      </fieldset>
      <div className="notify-form__row">
        <label className="field">
          <span className="field__label">Birthdays: today and the next</span>
          <span>
            <input type="number" min={0} max={BIRTHDAY_DAYS_MAX} value={value.birthdayDays} onChange={(e) => onChange({ birthdayDays: Math.max(0, Math.min(BIRTHDAY_DAYS_MAX, Number(e.target.value) || 0)) })} style={{ width: "5rem" }} /> days
          </span>
        </label>
        <label className="field">
          <span className="field__label">When there is nothing to report</span>
          <select value={value.whenEmpty} onChange={(e) => onChange({ whenEmpty: e.target.value as "skip" | "send" })}>
            <option value="skip">Send nothing</option>
            <option value="send">Send “nothing unusual”</option>
          </select>
        </label>
      </div>
    </>
  );
}
