import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Delivery } from "#contract/notifications";
import { EmptyState } from "../../components/feedback";
import { QueryError } from "../../components/query-error";
import { formatUtc } from "../../lib/format/dates";
import { formatCount } from "../../lib/format/numbers";
import { DELIVERIES_PAGE, deliveriesQuery, notifyKeys, sendNow } from "./api";

const STATUS_WORDS: Record<Delivery["status"], string> = { pending: "Waiting to retry", sending: "Sending", sent: "Sent", failed: "Failed", skipped: "Skipped" };

function RetryButton({ delivery }: { delivery: Delivery }) {
  const queryClient = useQueryClient();
  const retry = useMutation({ mutationFn: () => sendNow(delivery.subscriptionId), onSuccess: () => void queryClient.invalidateQueries({ queryKey: notifyKeys.all }) });
  return (
    <button type="button" className="button button--secondary" disabled={retry.isPending || retry.isSuccess} onClick={() => retry.mutate()}>
      {retry.isSuccess ? "Queued again" : "Retry"}
    </button>
  );
}

/** Every send: status, attempts, the last error, and Retry for the failed ones. */
export function DeliveriesTable() {
  const [page, setPage] = useState(1);
  const query = useQuery(deliveriesQuery(page));
  if (query.isError) return <QueryError error={query.error} what="the deliveries" onRetry={() => void query.refetch()} />;
  if (!query.data) return <p role="status">Loading the deliveries…</p>;
  const { items, total } = query.data;
  if (items.length === 0) return <EmptyState title="Nothing sent yet." />;
  const offset = (page - 1) * DELIVERIES_PAGE;
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Deliveries">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Queued (UTC)</th>
              <th scope="col">Subscription</th>
              <th scope="col">For</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last error</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <td className="nowrap">{formatUtc(Date.parse(d.createdAt)).replace(" UTC", "")}</td>
                <td>
                  {d.subscriptionName}
                  <div className="muted">
                    {d.destination.type} <code>{d.destination.masked}</code>
                  </div>
                </td>
                <td>{d.occurrence}</td>
                <td>
                  {STATUS_WORDS[d.status]}
                  {d.status === "pending" && d.nextAttemptAt && <div className="muted">next at {formatUtc(Date.parse(d.nextAttemptAt)).replace(" UTC", "")}</div>}
                  {d.personalData && <div className="muted">with names (audited)</div>}
                </td>
                <td>{d.attempts}</td>
                <td className="audit-details">{d.lastError ?? "—"}</td>
                <td>{d.status === "failed" && <RetryButton delivery={d} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pagination" aria-label="Delivery pages">
        <p className="pagination__summary">
          Showing {formatCount(offset + 1)}–{formatCount(offset + items.length)} of {formatCount(total)}
        </p>
        <button type="button" className="button button--secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Previous page
        </button>
        <button type="button" className="button button--secondary" disabled={offset + items.length >= total} onClick={() => setPage(page + 1)}>
          Next page
        </button>
      </nav>
    </>
  );
}
