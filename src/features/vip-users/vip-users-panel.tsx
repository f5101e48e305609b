import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { EmptyState } from "../../components/feedback";
import { ExportButton } from "../../components/export-button";
import { ExportUnavailable, type ExportAccess } from "../../components/export-unavailable";
import { QueryError } from "../../components/query-error";
import { SkipLink } from "../../components/skip-link";
import { useElementWidth } from "../../components/use-element-width";
import { useNow } from "../../components/use-now";
import { monthName } from "../../lib/format/dates";
import { formatCount } from "../../lib/format/numbers";
import { exportVipUsers, vipUsersPageQuery, warmVipUsersPage, type UsersFilter } from "./api";
import { Pagination, pageSummary } from "./pagination";
import { UsersFilters } from "./users-filters";
import { UsersCards } from "./users-cards";
import { UsersTable } from "./users-table";
import { useUsersView, type UsersView } from "./url-state";

function emptyTitle(view: UsersView): string {
  if (view.birthdayMonth) return `No VIP users with a birthday in ${monthName(view.birthdayMonth)}`;
  if (view.hasBirthday) return "No VIP users with a known birthday";
  return "No VIP users on this channel yet";
}

/** Filters, the paged table and the CSV export for one workspace and channel. */
export function VipUsersPanel({
  workspaceId,
  channelId,
  exportAccess,
}: {
  workspaceId: string;
  channelId: string;
  exportAccess: ExportAccess;
}) {
  const { view, update } = useUsersView();
  const now = useNow();
  const { ref, width } = useElementWidth<HTMLElement>(960);
  const filter: UsersFilter = { workspaceId, channelId, hasBirthday: view.hasBirthday, birthdayMonth: view.birthdayMonth };
  const offset = (view.page - 1) * view.size;
  const query = useQuery(vipUsersPageQuery({ ...filter, limit: view.size, offset }));
  const page = query.data;
  // The next page is fetched into the server's cache while this one is read, so Next is quick;
  // it reaches the browser (and the audit log as seen) only when opened.
  const nextOffset = query.isPlaceholderData ? null : (page?.nextOffset ?? null);
  useEffect(() => {
    if (nextOffset !== null) warmVipUsersPage({ ...filter, limit: view.size, offset: nextOffset });
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- the filter's fields are listed one by one
  }, [nextOffset, view.size, filter.workspaceId, filter.channelId, filter.hasBirthday, filter.birthdayMonth]);
  // While a new page loads, the previous one stays visible; its numbers are for it, not the new one.
  const showing = query.isPlaceholderData ? undefined : page;

  const preparing = page
    ? page.scanCapped
      ? `Preparing at least ${formatCount(page.total)} rows…`
      : `Preparing ${formatCount(page.total)} rows…`
    : "Preparing rows…";

  return (
    <section ref={ref} className="panel" aria-labelledby="users-heading">
      <div className="panel__header">
        <h1 id="users-heading">VIP users</h1>
        {exportAccess === "allowed" ? (
          <ExportButton
            run={() => exportVipUsers(filter)}
            preparing={preparing}
            disabled={!page || page.total === 0}
            key={JSON.stringify(filter)}
          />
        ) : (
          <ExportUnavailable contact={exportAccess.contact} />
        )}
      </div>
      <UsersFilters view={view} onChange={update} currentMonth={new Date(now).getUTCMonth() + 1} />
      {query.isError && !page ? (
        <QueryError error={query.error} what="VIP users" onRetry={() => void query.refetch()} />
      ) : (
        <>
          {query.isError && <QueryError error={query.error} what="this page" onRetry={() => void query.refetch()} />}
          {page && page.returned === 0 && !query.isPlaceholderData && offset === 0 ? (
            <EmptyState title={emptyTitle(view)}>
              {(view.birthdayMonth || view.hasBirthday) && (
                <button type="button" className="button button--secondary" onClick={() => update({ birthdayMonth: undefined, hasBirthday: false })}>
                  Show all VIP users
                </button>
              )}
            </EmptyState>
          ) : (
            <>
              {/* Each row has copy buttons: this spares a keyboard user a hundred Tabs. */}
              <SkipLink target="users-pages">Skip past the list to the page controls</SkipLink>
              {/* Cards where a table would need sideways scrolling (a phone); the table elsewhere. */}
              {width < 640 ? (
                <UsersCards rows={page?.items} loading={!page} busy={query.isFetching} />
              ) : (
                <UsersTable rows={page?.items} loading={!page} busy={query.isFetching} />
              )}
            </>
          )}
          {page && page.returned === 0 && offset > 0 && !query.isPlaceholderData && (
            <EmptyState title={`Page ${view.page} is past the last row.`}>
              <button type="button" className="button button--secondary" onClick={() => update({ page: 1 })}>
                Go to the first page
              </button>
            </EmptyState>
          )}
          <Pagination
            summary={showing ? pageSummary(offset, showing.returned, showing.total, showing.scanCapped) : undefined}
            page={view.page}
            size={view.size}
            // While a page loads, the numbers are the previous answer's (the same filter's).
            total={page?.total}
            capped={page?.scanCapped ?? false}
            busy={query.isFetching}
            hasNext={!!showing && showing.nextOffset !== null}
            onGo={(to) => {
              update({ page: to });
              // The pages' controls sit under the list: the new page is read from its first row.
              const top = ref.current?.getBoundingClientRect().top ?? 0;
              if (top < 0) ref.current?.scrollIntoView({ block: "start" });
            }}
            onSize={(size) => update({ size })}
          />
        </>
      )}
    </section>
  );
}
