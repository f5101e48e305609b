import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import type { Subscription } from "#contract/notifications";
import { EmptyState } from "../../components/feedback";
import { QueryError } from "../../components/query-error";
import { formatBothClocks } from "../../lib/format/dates";
import { SubscriptionEdit } from "./subscription-edit";
import { deleteSubscription, notifyKeys, patchSubscription, sendNow, subscriptionsQuery } from "./api";

const WEEKDAYS = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"];

function describe(s: Subscription): string {
  if (s.kind === "alert") return `Alert: ${s.labels === "all" ? "any label" : s.labels.join(", ")} becoming unusual${s.quietHours ? `, quiet ${s.quietHours.from}–${s.quietHours.to}` : ""}`;
  const when = s.schedule ? `${s.schedule.every === "week" ? WEEKDAYS[(s.schedule.weekday ?? 1) - 1] : "Daily"} at ${s.schedule.at} (${s.schedule.timeZone})` : "";
  return `Digest, ${when}: ${s.sections.join(", ")}${s.personalData ? ", with names" : ", counts only"}`;
}

function Actions({ s, onEdit }: { s: Subscription; onEdit: () => void }) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notifyKeys.all });
  const send = useMutation({ mutationFn: () => sendNow(s.id), onSuccess: refresh });
  const pause = useMutation({ mutationFn: () => patchSubscription(s.id, { paused: !s.paused }), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => deleteSubscription(s.id), onSuccess: refresh });
  const error = send.error ?? pause.error ?? remove.error;
  return (
    <div className="notify-actions">
      <button type="button" className="button button--secondary" disabled={send.isPending} onClick={() => send.mutate()} aria-label={`Send ${s.name} now`}>
        {send.isPending ? "Queuing…" : send.isSuccess ? "Queued" : "Send now"}
      </button>
      <button type="button" className="button button--secondary" onClick={onEdit} aria-label={`Edit ${s.name}`}>
        Edit
      </button>
      <button type="button" className="button button--secondary" disabled={pause.isPending} onClick={() => pause.mutate()} aria-label={`${s.paused ? "Resume" : "Pause"} ${s.name}`}>
        {s.paused ? "Resume" : "Pause"}
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={remove.isPending}
        onClick={() => {
          if (window.confirm(`Delete “${s.name}”? Its deliveries' history goes with it.`)) remove.mutate();
        }}
        aria-label={`Delete ${s.name}`}
      >
        Delete
      </button>
      {error && (
        <span className="export__error" role="alert">
          {error instanceof Error ? error.message : String(error)}
        </span>
      )}
    </div>
  );
}

/** Yours, and the team's you manage: what, where, when next, and the controls. */
export function SubscriptionsList({ canNames, admin }: { canNames: boolean; admin: boolean }) {
  const query = useQuery(subscriptionsQuery());
  const [editing, setEditing] = useState<string | undefined>();
  if (query.isError) return <QueryError error={query.error} what="your subscriptions" onRetry={() => void query.refetch()} />;
  if (!query.data) return <p role="status">Loading your subscriptions…</p>;
  if (query.data.items.length === 0) return <EmptyState title="No digests or alerts yet.">Create one above; it starts sending at its next time.</EmptyState>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Subscriptions">
      <table className="data-table notify-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">What</th>
            <th scope="col">Where</th>
            <th scope="col">Next</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {query.data.items.map((s) => (
            <Fragment key={s.id}>
            <tr>
              <td>
                {s.name}
                {s.team && <span className="badge"> team</span>}
                <div className="muted">{s.workspaceId} / {s.channelId}</div>
              </td>
              <td>{describe(s)}</td>
              <td>
                {s.destination.type} <code>{s.destination.masked}</code>
              </td>
              <td>{s.nextDueAt ? formatBothClocks(Date.parse(s.nextDueAt)) : s.kind === "alert" && !s.paused ? "Checked every few minutes" : "—"}</td>
              <td>{s.stoppedReason ? `Stopped: ${s.stoppedReason}` : s.paused ? "Paused" : "Active"}</td>
              <td>
                <Actions s={s} onEdit={() => setEditing(editing === s.id ? undefined : s.id)} />
              </td>
            </tr>
            {editing === s.id && (
              <tr>
                <td colSpan={6}>
                  <SubscriptionEdit s={s} canNames={canNames} admin={admin} onDone={() => setEditing(undefined)} />
                </td>
              </tr>
            )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
