import type { UpcomingBirthday } from "#contract/dashboard-api";
import { addCalendarDays } from "#contract/upcoming-birthdays";
import { ConversationRef } from "../../components/conversation-ref";
import { Avatar, dash } from "../../components/player-avatar";
import { RelativeTime } from "../../components/relative-time";
import { formatBirthday, formatCalendarDay } from "../../lib/format/dates";
import { plural } from "../../lib/format/numbers";

/** The list's items by day, in order (the server sends them sorted). */
function byDay(items: readonly UpcomingBirthday[]): [string, UpcomingBirthday[]][] {
  const days = new Map<string, UpcomingBirthday[]>();
  for (const item of items) {
    const day = days.get(item.on);
    if (day) day.push(item);
    else days.set(item.on, [item]);
  }
  return [...days];
}

/** "Today · Sunday, December 20", "Tomorrow · …", or the day alone (with its year when not this year's). */
function dayHeading(day: string, today: string): string {
  const date = formatCalendarDay(day, day.slice(0, 4) !== today.slice(0, 4));
  if (day === today) return `Today · ${date}`;
  if (day === addCalendarDays(today, 1)) return `Tomorrow · ${date}`;
  return date;
}

function BirthdayPerson({ item, now }: { item: UpcomingBirthday; now: number }) {
  const { user, turns, leapDayMoved } = item;
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ");
  return (
    <li className="birthday-person">
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

/** Day by day, each with its players in the vendor's order (highest lifetime value first). */
export function BirthdayList({ items, today, now, busy }: { items: readonly UpcomingBirthday[]; today: string; now: number; busy: boolean }) {
  return (
    <ol className="birthday-days" aria-busy={busy}>
      {byDay(items).map(([day, people]) => (
        <li key={day} className="birthday-day" data-day={day}>
          <h2 className="birthday-day__heading">
            {dayHeading(day, today)} <span className="muted">· {plural(people.length, "birthday")}</span>
          </h2>
          <ul className="birthday-people">
            {people.map((item) => (
              <BirthdayPerson key={item.user.conversationId} item={item} now={now} />
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
