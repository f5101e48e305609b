import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { DESTINATION_TYPES, type DestinationType } from "#contract/notifications";
import { isApiError } from "../../lib/api-client";
import type { SubscriptionPreview } from "#contract/notifications";
import { createSubscription, notifyKeys, previewSubscription, type SubscriptionBody } from "./api";
import { DEFAULT_DIGEST, DigestFields, type DigestFieldValues } from "./digest-fields";
import { NotificationPreview } from "./notification-preview";

const DESTINATION_WORDS: Record<DestinationType, string> = { email: "E-mail", slack: "Slack (incoming webhook)", discord: "Discord (webhook)", webhook: "Webhook (signed JSON)" };
const READER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const ZONES = (() => {
  const all = Intl.supportedValuesOf("timeZone");
  return all.includes(READER_ZONE) ? all : [READER_ZONE, ...all];
})();

export interface FormScope {
  workspaceId: string;
  channelId: string;
  /** What the person may ask for: names need analyst; a shared destination with names, admin. */
  personalData: boolean;
  admin: boolean;
  ownEmail: string | null;
}

/** New digest or alert: fields for what, where and when; Preview shows exactly what would be sent. */
export function SubscriptionForm({ kind, scope, onKind }: { kind: "digest" | "alert"; scope: FormScope; onKind: (kind: "digest" | "alert") => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [type, setType] = useState<DestinationType>("email");
  const [to, setTo] = useState(scope.ownEmail ?? "");
  const [url, setUrl] = useState("");
  const [digest, setDigest] = useState<DigestFieldValues>(DEFAULT_DIGEST);
  const [timeZone, setTimeZone] = useState(READER_ZONE);
  const [labels, setLabels] = useState("");
  const [quiet, setQuiet] = useState({ from: "", to: "" });
  const [personalData, setPersonalData] = useState(false);
  const [team, setTeam] = useState(false);
  const [preview, setPreview] = useState<SubscriptionPreview | undefined>();
  const [secret, setSecret] = useState<string | undefined>();

  const body = (): SubscriptionBody => ({
    kind,
    workspaceId: scope.workspaceId,
    channelId: scope.channelId,
    ...(name.trim() ? { name: name.trim() } : {}),
    destination: type === "email" ? { type, to: to.trim() } : { type, url: url.trim() },
    ...(kind === "digest"
      ? { schedule: { every: digest.every, ...(digest.every === "week" ? { weekday: digest.weekday } : {}), at: digest.at, timeZone }, sections: digest.sections, birthdayDays: digest.birthdayDays, whenEmpty: digest.whenEmpty }
      : { labels: labels.trim() ? labels.split(",").map((l) => l.trim()).filter(Boolean) : "all", ...(quiet.from && quiet.to ? { quietHours: { ...quiet, timeZone } } : {}) }),
    ...(personalData ? { personalData: true } : {}),
    ...(team ? { team: true } : {}),
  });
  const previewing = useMutation({ mutationFn: () => previewSubscription(body()), onSuccess: setPreview });
  const creating = useMutation({
    mutationFn: () => createSubscription(body()),
    onSuccess: (answer) => {
      setSecret(answer.signingSecret);
      setPreview(undefined);
      void queryClient.invalidateQueries({ queryKey: notifyKeys.all });
    },
  });
  const error = creating.error ?? previewing.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    creating.mutate();
  };

  return (
    <form className="notify-form" onSubmit={submit} aria-labelledby="new-subscription-heading">
      <h2 id="new-subscription-heading">New {kind === "digest" ? "digest" : "alert"}</h2>
      <fieldset className="notify-form__row">
        <legend className="field__label">What</legend>
        <label className="checkbox">
          <input type="radio" name="kind" checked={kind === "digest"} onChange={() => onKind("digest")} /> Digest on a schedule
        </label>
        <label className="checkbox">
          <input type="radio" name="kind" checked={kind === "alert"} onChange={() => onKind("alert")} /> Alert when a label becomes unusual
        </label>
      </fieldset>
      <div className="notify-form__row">
        <label className="field">
          <span className="field__label">Name</span>
          <input value={name} maxLength={100} placeholder={kind === "digest" ? "VIP digest" : "Label alert"} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">Send to</span>
          <select value={type} onChange={(e) => setType(e.target.value as DestinationType)}>
            {DESTINATION_TYPES.map((t) => (
              <option key={t} value={t}>
                {DESTINATION_WORDS[t]}
              </option>
            ))}
          </select>
        </label>
        {type === "email" ? (
          <label className="field notify-form__wide">
            <span className="field__label">E-mail address</span>
            <input type="email" required value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
        ) : (
          <label className="field notify-form__wide">
            <span className="field__label">Webhook URL (kept sealed; shown masked after saving)</span>
            <input type="url" required value={url} placeholder={type === "slack" ? "https://hooks.slack.com/services/…" : type === "discord" ? "https://discord.com/api/webhooks/…" : "https://…"} onChange={(e) => setUrl(e.target.value)} />
          </label>
        )}
      </div>
      {kind === "digest" ? (
        <DigestFields
          admin={scope.admin}
          value={digest}
          onChange={(patch) => setDigest({ ...digest, ...patch })}
          zone={
            <label className="field">
              <span className="field__label">Time zone</span>
              <select value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
                {ZONES.map((zone) => (
                  <option key={zone}>{zone}</option>
                ))}
              </select>
            </label>
          }
        />
      ) : (
        <div className="notify-form__row">
          <label className="field notify-form__wide">
            <span className="field__label">Labels (ids, comma-separated; empty for all)</span>
            <input value={labels} placeholder="refund_request, churn_risk" onChange={(e) => setLabels(e.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">Quiet from</span>
            <input type="time" value={quiet.from} onChange={(e) => setQuiet({ ...quiet, from: e.target.value })} />
          </label>
          <label className="field">
            <span className="field__label">Quiet until</span>
            <input type="time" value={quiet.to} onChange={(e) => setQuiet({ ...quiet, to: e.target.value })} />
          </label>
        </div>
      )}
      <div className="notify-form__row">
        <label className="checkbox">
          <input type="checkbox" checked={personalData} disabled={!scope.personalData} onChange={(e) => setPersonalData(e.target.checked)} /> Include players' names and birthdays
        </label>
        {!scope.personalData && <span className="muted">Your role sends counts only (names need analyst).</span>}
        {scope.admin && (
          <label className="checkbox">
            <input type="checkbox" checked={team} onChange={(e) => setTeam(e.target.checked)} /> A team subscription (other admins can manage it)
          </label>
        )}
      </div>
      {error && (
        <div className="query-error" role="alert">
          <strong>{isApiError(error) && error.issues.length > 0 ? "Check these fields" : "Not saved"}</strong>
          {isApiError(error) && error.issues.length > 0 ? (
            <ul>
              {error.issues.map((issue) => (
                <li key={`${issue.path.join(".")}-${issue.message}`}>{issue.message}</li>
              ))}
            </ul>
          ) : (
            <p>{error instanceof Error ? error.message : String(error)}</p>
          )}
        </div>
      )}
      {secret && (
        <p className="notice" role="status">
          Saved. The webhook's signing secret, shown this once: <code className="notify-secret">{secret}</code>. Receivers check <code>x-dynamo-signature</code> with it.
        </p>
      )}
      {creating.isSuccess && !secret && (
        <p className="notice" role="status">
          Saved: it is in the list below.
        </p>
      )}
      <div className="notify-form__actions">
        <button type="button" className="button button--secondary" disabled={previewing.isPending} onClick={() => previewing.mutate()}>
          {previewing.isPending ? "Preparing the preview…" : "Preview"}
        </button>
        <button type="submit" className="button" disabled={creating.isPending}>
          {creating.isPending ? "Saving…" : kind === "digest" ? "Create digest" : "Create alert"}
        </button>
      </div>
      {preview && <NotificationPreview preview={preview} />}
    </form>
  );
}
