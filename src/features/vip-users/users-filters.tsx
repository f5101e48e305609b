import { monthNames } from "../../lib/format/dates";
import type { UsersView } from "./url-state";

/** Has birthday, Birthday month and the "Birthdays this month" shortcut. */
export function UsersFilters({
  view,
  onChange,
  currentMonth,
}: {
  view: UsersView;
  onChange: (patch: Partial<UsersView>) => void;
  /** 1..12, the reader's current month. */
  currentMonth: number;
}) {
  const thisMonthActive = view.birthdayMonth === currentMonth;
  return (
    <div className="filters" role="group" aria-label="Filters">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={view.hasBirthday}
          onChange={(e) => onChange({ hasBirthday: e.target.checked })}
        />
        Has birthday
      </label>
      <label className="field field--inline">
        <span className="field__label">Birthday month</span>
        <select
          value={view.birthdayMonth ?? ""}
          onChange={(e) => onChange({ birthdayMonth: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">Any</option>
          {monthNames().map((name, i) => (
            <option key={name} value={i + 1}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button--secondary"
        aria-pressed={thisMonthActive}
        onClick={() => onChange({ birthdayMonth: thisMonthActive ? undefined : currentMonth })}
      >
        Birthdays this month
      </button>
    </div>
  );
}
