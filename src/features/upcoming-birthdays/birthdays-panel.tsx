import type { ReactNode } from "react";
import { useQuery } from "@tanstack/react-query";
import type { UpcomingBirthdays } from "#contract/dashboard-api";
import { UPCOMING_RANGES } from "#contract/upcoming-birthdays";
import { EmptyState, SkeletonBlock } from "../../components/feedback";
import { ExportButton } from "../../components/export-button";
import { ExportUnavailable, type ExportAccess } from "../../components/export-unavailable";
import { QueryError } from "../../components/query-error";
import { useNow } from "../../components/use-now";
import { formatCalendarDay, monthName } from "../../lib/format/dates";
import { formatCount, plural } from "../../lib/format/numbers";
import { exportUpcomingBirthdays, upcomingBirthdaysQuery, type BirthdaysParams } from "./api";
import { BirthdayList } from "./birthday-list";
import { BirthdaysControls } from "./birthdays-controls";
import { birthdaysParamsFor, previewIsWhole, previewOf } from "./first-day";
import { todayIn } from "./time-zones";
import { useBirthdaysView } from "./url-state";

/** "from Sunday, December 20 to Monday, January 18, 2027", or "on …" for one day. */
function describeDays(list: Pick<UpcomingBirthdays, "from" | "to">, today: string): string {
  const withYear = (day: string) => day.slice(0, 4) !== today.slice(0, 4) || list.from.slice(0, 4) !== list.to.slice(0, 4);
  if (list.from === list.to) return `on ${formatCalendarDay(list.from, withYear(list.from))}`;
  return `from ${formatCalendarDay(list.from, withYear(list.from))} to ${formatCalendarDay(list.to, withYear(list.to))}`;
}

/** The summary line: the whole list's count, or what its preview shows while the rest loads (or after it failed). */
function summaryOf(whole: UpcomingBirthdays | undefined, preview: { list: UpcomingBirthdays; cut: boolean; failed: boolean } | undefined, today: string): string {
  if (whole) return `${plural(whole.items.length, "birthday")} ${describeDays(whole, today)}. `;
  if (!preview) return "Loading birthdays… ";
  const shown = `${plural(preview.list.items.length, "birthday")} ${describeDays(preview.list, today)}`;
  if (preview.failed) return `${preview.cut ? "Only the first " : "Only "}${shown} could be read. `;
  return preview.cut ? `Loading birthdays… the first ${shown} so far. ` : `Loading birthdays… ${shown} first. `;
}

/** How the list was made, and the months it could not read to their end. */
export function ScanNote({ scan }: { scan: UpcomingBirthdays["scan"] }) {
  const months = scan.months.map((m) => monthName(m.month)).join(" and ");
  const cut = scan.months.filter((m) => !m.complete);
  return (
    <>
      {cut.length > 0 && (
        <p className="notice notice--warning" role="alert">
          The Dynamo API stopped before the end of {cut.map((m) => `${monthName(m.month)} (after ${plural(m.players, "player")})`).join(" and ")}:
          this list may be missing birthdays.
        </p>
      )}
      <p className="muted birthday-scan">
        Read from the {months} birthday {scan.months.length === 1 ? "list" : "lists"}: {plural(scan.pages, "page")},{" "}
        {scan.upstreamCalls === 0 ? "all from the dashboard's cache" : `${plural(scan.upstreamCalls, "call")} to the Dynamo API`}.
      </p>
    </>
  );
}

/** Whose birthday is today, tomorrow or in the next days, in the chosen time zone, and its export. */
export function BirthdaysPanel({ workspaceId, channelId, exportAccess, headerActions }: { workspaceId: string; channelId: string; exportAccess: ExportAccess; headerActions?: ReactNode }) {
  const { view, update } = useBirthdaysView();
  const now = useNow();
  const today = todayIn(view.zone, now);
  const range = UPCOMING_RANGES[view.range];
  const params: BirthdaysParams = birthdaysParamsFor(view, workspaceId, channelId, now);
  // A preview is asked for first: the first day, from the first page of its birthday month. A
  // big studio's 30 days are megabytes and dozens of pages a month; the preview is one page, and
  // the page the whole scan starts with (the server then has it cached). Asked together, the big
  // answer would hold up the small one (on the server and in the page). A short range whose
  // month fits in one page is whole in its preview; a range already cached shows at once.
  const head = useQuery({ ...upcomingBirthdaysQuery(previewOf(params)), placeholderData: undefined });
  const headIsWhole = head.data !== undefined && previewIsWhole(params, head.data);
  const query = useQuery({ ...upcomingBirthdaysQuery(params), enabled: !head.isPending && !headIsWhole });
  const current = headIsWhole ? head.data : query.isPlaceholderData ? undefined : query.data;
  const firstDays = current === undefined && head.data && head.data.items.length > 0 ? head.data : undefined;
  // The preview stopped at its one page: what it shows is the top of the day's list, not all of it.
  const firstDaysCut = firstDays !== undefined && !firstDays.scan.complete;
  const list = current ?? firstDays ?? query.data;

  let body;
  if (query.isError && !list) body = <QueryError error={query.error} what="the birthdays" onRetry={() => void query.refetch()} />;
  else if (!list) body = <SkeletonBlock label="Loading birthdays" height={240} />;
  else if (firstDays) {
    body = (
      <>
        <BirthdayList items={firstDays.items} today={today} now={now} busy={false} partial={firstDaysCut} />
        {/* When the rest failed, the error above says so, with Retry. */}
        {!query.isError && <p className="muted birthday-rest">{params.days > 1 ? `Loading the rest of the ${range.days} days…` : "Loading the rest of the day…"}</p>}
      </>
    );
  }
  else if (current && current.items.length === 0) {
    body = (
      <EmptyState title={`No birthdays ${describeDays(current, today)}`}>
        {view.range !== "30" && (
          <button type="button" className="button button--secondary" onClick={() => update({ range: "30" })}>
            Show the next 30 days
          </button>
        )}
      </EmptyState>
    );
  } else body = <BirthdayList items={list.items} today={today} now={now} busy={query.isPlaceholderData} />;

  return (
    <section className="panel" aria-labelledby="birthdays-heading">
      <div className="panel__header">
        <h1 id="birthdays-heading">Upcoming birthdays</h1>
        {headerActions}
        {exportAccess === "allowed" ? (
          <ExportButton
            run={() => exportUpcomingBirthdays(params)}
            preparing={current ? `Preparing ${formatCount(current.items.length)} rows…` : "Preparing rows…"}
            disabled={!current || current.items.length === 0}
            key={JSON.stringify(params)}
          />
        ) : (
          <ExportUnavailable contact={exportAccess.contact} />
        )}
      </div>
      <BirthdaysControls view={view} onChange={update} now={now} />
      <p className="birthday-summary" role="status">
        {summaryOf(current, firstDays && { list: firstDays, cut: firstDaysCut, failed: query.isError }, today)}
        <span className="muted">
          Today is {formatCalendarDay(today)} in {view.zone}.
        </span>
      </p>
      {query.isError && list && <QueryError error={query.error} what="these days" onRetry={() => void query.refetch()} />}
      {current && <ScanNote scan={current.scan} />}
      {body}
    </section>
  );
}
