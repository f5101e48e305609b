import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "../../components/feedback";
import { QueryError } from "../../components/query-error";
import { formatCount } from "../../lib/format/numbers";
import { AUDIT_PAGE_SIZE, auditCsvHref, auditPageQuery } from "./api";
import { AuditFiltersForm } from "./audit-filters-form";
import { AuditTable } from "./audit-table";
import { useAuditFilters } from "./url-state";

/** The audit log for admins: filtered, newest first, paged, downloadable as CSV. */
export function AuditPanel({ workspaces }: { workspaces: readonly { id: string; name: string }[] }) {
  const { filters, update } = useAuditFilters();
  const query = useQuery(auditPageQuery(filters));
  const page = query.data;
  const names = new Map(workspaces.map((w) => [w.id, w.name]));
  const offset = (filters.page - 1) * AUDIT_PAGE_SIZE;
  const summary =
    page && page.items.length > 0
      ? `Showing ${formatCount(offset + 1)}–${formatCount(offset + page.items.length)} of ${formatCount(page.total)}`
      : undefined;
  return (
    <section className="panel" aria-labelledby="audit-heading">
      <div className="panel__header">
        <h1 id="audit-heading">Audit log</h1>
        <a className="button button--secondary" href={auditCsvHref(filters)} download>
          Download CSV
        </a>
      </div>
      <p className="muted">
        Who signed in, viewed personal-data lists, exported and downloaded what, and who was refused. Rows never hold players'
        names, birthdays or messages.
      </p>
      <AuditFiltersForm key={JSON.stringify(filters)} filters={filters} workspaces={workspaces} onApply={update} />
      {query.isError && !page ? (
        <QueryError error={query.error} what="the audit log" onRetry={() => void query.refetch()} />
      ) : !page ? (
        <p role="status">Loading the audit log…</p>
      ) : page.items.length === 0 ? (
        <EmptyState title="No audit entries match these filters." />
      ) : (
        <>
          <AuditTable rows={page.items} workspaceNames={names} />
          <nav className="pagination" aria-label="Pages">
            <p className="pagination__summary" aria-live="polite">
              {summary}
              {query.isFetching && <span className="muted"> · loading…</span>}
            </p>
            <button type="button" className="button button--secondary" disabled={filters.page <= 1} onClick={() => update({ page: filters.page - 1 })}>
              Previous page
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={offset + page.items.length >= page.total}
              onClick={() => update({ page: filters.page + 1 })}
            >
              Next page
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
