import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { BIRTHDAY_DAYS_MAX, DIGEST_SECTIONS, type DigestSection, type Subscription, type SubscriptionPatch } from "#contract/notifications";
import { isApiError } from "../../lib/api-client";
import { notifyKeys, patchSubscription } from "./api";

/**
 * Changes what a subscription sends and when; not where (a new destination is a new
 * subscription, so a webhook's secret never moves to another URL).
 */
export function SubscriptionEdit({ s, canNames, onDone }: { s: Subscription; canNames: boolean; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(s.name);
  const [at, setAt] = useState(s.schedule?.at ?? "09:00");
  const [every, setEvery] = useState<"day" | "week">(s.schedule?.every ?? "day");
  const [weekday, setWeekday] = useState(s.schedule?.weekday ?? 1);
  const [sections, setSections] = useState<DigestSection[]>(s.sections);
  const [birthdayDays, setBirthdayDays] = useState(s.birthdayDays);
  const [whenEmpty, setWhenEmpty] = useState(s.whenEmpty);
  const [labels, setLabels] = useState(s.labels === "all" ? "" : s.labels.join(", "));
  const [personalData, setPersonalData] = useState(s.personalData);
  const save = useMutation({
    mutationFn: () => {
      const patch: SubscriptionPatch = {
        name: name.trim() || s.name,
        personalData,
        ...(s.kind === "digest" && s.schedule
          ? { schedule: { ...s.schedule, every, at, weekday: every === "week" ? weekday : undefined }, sections, birthdayDays, whenEmpty }
          : { labels: labels.trim() ? labels.split(",").map((l) => l.trim()).filter(Boolean) : "all" }),
      };
      return patchSubscription(s.id, patch);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: notifyKeys.all });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="notify-form notify-form--edit" onSubmit={submit} aria-label={`Edit ${s.name}`}>
      <div className="notify-form__row">
        <label className="field">
          <span className="field__label">Name</span>
          <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        </label>
        {s.kind === "digest" ? (
          <>
            <label className="field">
              <span className="field__label">Every</span>
              <select value={every} onChange={(e) => setEvery(e.target.value as "day" | "week")}>
                <option value="day">Day</option>
                <option value="week">Week</option>
              </select>
            </label>
            {every === "week" && (
              <label className="field">
                <span className="field__label">On (1 = Monday)</span>
                <input type="number" min={1} max={7} value={weekday} onChange={(e) => setWeekday(Math.max(1, Math.min(7, Number(e.target.value) || 1)))} />
              </label>
            )}
            <label className="field">
              <span className="field__label">At ({s.schedule?.timeZone})</span>
              <input type="time" required value={at} onChange={(e) => setAt(e.target.value)} />
            </label>
            <label className="field">
              <span className="field__label">Birthdays: next days</span>
              <input type="number" min={0} max={BIRTHDAY_DAYS_MAX} value={birthdayDays} onChange={(e) => setBirthdayDays(Math.max(0, Math.min(BIRTHDAY_DAYS_MAX, Number(e.target.value) || 0)))} />
            </label>
            <label className="field">
              <span className="field__label">When empty</span>
              <select value={whenEmpty} onChange={(e) => setWhenEmpty(e.target.value as "skip" | "send")}>
                <option value="skip">Send nothing</option>
                <option value="send">Send “nothing unusual”</option>
              </select>
            </label>
          </>
        ) : (
          <label className="field notify-form__wide">
            <span className="field__label">Labels (empty for all)</span>
            <input value={labels} onChange={(e) => setLabels(e.target.value)} />
          </label>
        )}
      </div>
      {s.kind === "digest" && (
        <fieldset className="notify-form__row">
          <legend className="field__label">Sections</legend>
          {DIGEST_SECTIONS.map((section) => (
            <label key={section} className="checkbox">
              <input type="checkbox" checked={sections.includes(section)} onChange={() => setSections((now) => (now.includes(section) ? now.filter((x) => x !== section) : DIGEST_SECTIONS.filter((x) => x === section || now.includes(x))))} /> {section}
            </label>
          ))}
        </fieldset>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={personalData} disabled={!canNames && !personalData} onChange={(e) => setPersonalData(e.target.checked)} /> Include players' names and birthdays
      </label>
      {save.error && (
        <p className="export__error" role="alert">
          {isApiError(save.error) && save.error.issues.length > 0 ? save.error.issues.map((i) => i.message).join("; ") : save.error.message}
        </p>
      )}
      <div className="notify-form__actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save changes"}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
