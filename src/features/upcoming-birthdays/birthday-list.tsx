import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useDeferredValue, useMemo, useRef, useState, type CSSProperties } from "react";
import type { UpcomingBirthday } from "#contract/dashboard-api";
import { addCalendarDays } from "#contract/upcoming-birthdays";
import { ConversationRef } from "../../components/conversation-ref";
import { Avatar, dash } from "../../components/player-avatar";
import { RelativeTime } from "../../components/relative-time";
import { formatBirthday, formatCalendarDay } from "../../lib/format/dates";
import { formatCount, plural } from "../../lib/format/numbers";

/** One row of the list: a day's heading, or one player under it. */
export type BirthdayRow = { kind: "day"; day: string; count: number } | { kind: "person"; day: string; item: UpcomingBirthday };

/** The list's rows in order: each day's heading, then its players (the server sends them sorted). */
export function birthdayRows(items: readonly UpcomingBirthday[]): BirthdayRow[] {
  const rows: BirthdayRow[] = [];
  let heading: Extract<BirthdayRow, { kind: "day" }> | undefined;
  for (const item of items) {
    if (heading?.day !== item.on) rows.push((heading = { kind: "day", day: item.on, count: 0 }));
    heading.count += 1;
    rows.push({ kind: "person", day: item.on, item });
  }
  return rows;
}

const normalize = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/** Whether a player's user name, name or conversation id holds the needle (accents ignored). */
export function playerMatches(item: UpcomingBirthday, needle: string): boolean {
  const { user } = item;
  return normalize([user.userName, user.firstName, user.lastName, user.conversationId].filter(Boolean).join(" ")).includes(needle);
}

/** "Today · Sunday, December 20", "Tomorrow · …", or the day alone (with its year when not this year's). */
function dayHeading(day: string, today: string): string {
  const date = formatCalendarDay(day, day.slice(0, 4) !== today.slice(0, 4));
  if (day === today) return `Today · ${date}`;
  if (day === addCalendarDays(today, 1)) return `Tomorrow · ${date}`;
  return date;
}

/** A row's place in the virtual list: where it sits, and its number among all rows. */
interface RowPlace {
  index: number;
  setSize: number;
  style: CSSProperties;
}

function BirthdayPerson({ item, now, place, measureRef }: { item: UpcomingBirthday; now: number; place: RowPlace; measureRef: (element: HTMLElement | null) => void }) {
  const { user, turns, leapDayMoved } = item;
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ");
  return (
    <li className="birthday-person" data-on={item.on} ref={measureRef} data-index={place.index} aria-setsize={place.setSize} aria-posinset={place.index + 1} style={place.style}>
      <Avatar user={user} />
      <span className="birthday-person__who">
        <strong>{user.userName || dash}</strong>
        <span className="muted">{name || dash}</span>
      </span>
      <span className="birthday-person__age">
        {turns === null ? <span className="muted">Age not known</span> : `Turns ${turns}`}
        <span className="muted">Born {formatBirthday(user.birthday)}</span>
        {leapDayMoved && <span className="badge">Born on 29 February: celebrated on 28 February this year</span>}
      </span>
      <span className="birthday-person__seen">
        <span>
          <span className="muted">Last purchase </span>
          <RelativeTime ts={user.lastPurchaseTimestamp} now={now} />
        </span>
        <span>
          <span className="muted">Last message </span>
          <RelativeTime ts={user.lastUserMessageTimestamp} now={now} />
        </span>
      </span>
      <ConversationRef id={user.conversationId} />
    </li>
  );
}

/**
 * Day by day, each with its players in the vendor's order (highest lifetime value first). Only
 * the rows on screen are in the page, so twelve thousand birthdays stay as light as twelve; each
 * row says its place to a screen reader, and day headings stay headings. "Find a player" narrows
 * the list by user name, name or conversation id. `partial`: the list is a preview cut at a
 * page, so each day's count is only how many are shown so far, a lower bound.
 */
export function BirthdayList({ items, today, now, busy, partial = false }: { items: readonly UpcomingBirthday[]; today: string; now: number; busy: boolean; partial?: boolean }) {
  const [search, setSearch] = useState("");
  const needle = normalize(useDeferredValue(search).trim());
  // Kept between renders: the virtualizer lays out every row again (twelve thousand at a big
  // studio) whenever its key function changes, and each row it measures is a render.
  const { rows, shownCount } = useMemo(() => {
    const shown = needle ? items.filter((item) => playerMatches(item, needle)) : items;
    return { rows: birthdayRows(shown), shownCount: shown.length };
  }, [items, needle]);
  const scroller = useRef<HTMLDivElement>(null);
  const estimateSize = useCallback((index: number) => (rows[index]?.kind === "day" ? 44 : 64), [rows]);
  const getItemKey = useCallback(
    (index: number) => {
      const row = rows[index]!;
      return row.kind === "day" ? `day:${row.day}` : `person:${row.day}:${row.item.user.conversationId}`;
    },
    [rows],
  );
  const getScrollElement = useCallback(() => scroller.current, []);
  // No React Compiler here (vite.config.ts): the functions above are kept by hand.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize,
    getItemKey,
    overscan: 8,
    // Where layout is not measured (tests), assume a screenful.
    initialRect: { width: 800, height: 700 },
  });

  return (
    <div className="birthday-list">
      <div className="birthday-list__tools">
        <label className="field field--inline">
          <span className="field__label">Find a player</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="User name, name or conversation" />
        </label>
        {needle && (
          <p role="status" aria-live="polite" className="muted">
            {shownCount === 0 ? `No birthday here matches “${search.trim()}”.` : `${formatCount(shownCount)} of ${plural(items.length, "birthday")} match “${search.trim()}”.`}
          </p>
        )}
      </div>
      {rows.length > 0 && (
        <div ref={scroller} className="virtual-birthdays" tabIndex={0} role="region" aria-label="Birthdays, day by day (scrolls)">
          <ol className="birthday-days" aria-busy={busy} aria-label="Birthdays" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
            {virtualizer.getVirtualItems().map((virtual) => {
              const row = rows[virtual.index]!;
              const place: RowPlace = {
                index: virtual.index,
                setSize: rows.length,
                style: { position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${virtual.start}px)` },
              };
              if (row.kind === "person") return <BirthdayPerson key={virtual.key} item={row.item} now={now} place={place} measureRef={virtualizer.measureElement} />;
              return (
                <li key={virtual.key} className="birthday-day" data-day={row.day} ref={virtualizer.measureElement} data-index={place.index} aria-setsize={place.setSize} aria-posinset={place.index + 1} style={place.style}>
                  <h2 className="birthday-day__heading">
                    {dayHeading(row.day, today)} <span className="muted">· {partial ? `at least ${plural(row.count, "birthday")}` : plural(row.count, "birthday")}</span>
                  </h2>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </div>
  );
}
