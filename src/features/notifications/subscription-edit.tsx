import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { SubscriptionPatch } from "#contract/notification-schemas";
import type { Subscription } from "#contract/notifications";
import { isApiError } from "../../lib/api-client";
import { notifyKeys, patchSubscription } from "./api";
import { DigestFields, type DigestFieldValues } from "./digest-fields";

/**
 * Changes what a subscription sends and when; not where (a new destination is a new
 * subscription, so a webhook's secret never moves to another URL).
 */
export function SubscriptionEdit({ s, canNames, admin, onDone }: { s: Subscription; canNames: boolean; admin: boolean; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(s.name);
  const [digest, setDigest] = useState<DigestFieldValues>({
    every: s.schedule?.every ?? "day",
    weekday: s.schedule?.weekday ?? 1,
    at: s.schedule?.at ?? "09:00",
    sections: s.sections,
    birthdayDays: s.birthdayDays,
    whenEmpty: s.whenEmpty,
  });
  const [labels, setLabels] = useState(s.labels === "all" ? "" : s.labels.join(", "));
  const [personalData, setPersonalData] = useState(s.personalData);
  const save = useMutation({
    mutationFn: () => {
      const patch: SubscriptionPatch = {
        name: name.trim() || s.name,
        personalData,
        ...(s.kind === "digest" && s.schedule
          ? {
              schedule: { ...s.schedule, every: digest.every, at: digest.at, weekday: digest.every === "week" ? digest.weekday : undefined },
              sections: digest.sections,
              birthdayDays: digest.birthdayDays,
              whenEmpty: digest.whenEmpty,
            }
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
        {s.kind !== "digest" && (
          <label className="field notify-form__wide">
            <span className="field__label">Labels (empty for all)</span>
            <input value={labels} onChange={(e) => setLabels(e.target.value)} />
          </label>
        )}
      </div>
      {s.kind === "digest" && <DigestFields admin={admin} value={digest} onChange={(patch) => setDigest({ ...digest, ...patch })} zone={<p className="muted">In {s.schedule?.timeZone}</p>} />}
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
