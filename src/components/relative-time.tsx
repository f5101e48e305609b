import { formatBothClocks, formatRelative, isKnownTimestamp } from "../lib/format/dates";

/** "3 days ago", with the exact time on hover (UTC, then the reader's); "never" for missing, null or 0. */
export function RelativeTime({ ts, now }: { ts: number | null | undefined; now: number }) {
  if (!isKnownTimestamp(ts)) return <span className="muted">never</span>;
  return (
    <time dateTime={new Date(ts).toISOString()} title={formatBothClocks(ts)}>
      {formatRelative(ts, now)}
    </time>
  );
}
