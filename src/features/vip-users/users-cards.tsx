import { SkeletonBlock } from "../../components/feedback";
import { ConversationRef } from "../../components/conversation-ref";
import { CopyValue } from "../../components/copy-button";
import { RelativeTime } from "../../components/relative-time";
import { useNow } from "../../components/use-now";
import type { VipUser } from "#contract/responses";
import { formatBirthday } from "../../lib/format/dates";
import { Avatar, dash } from "../../components/player-avatar";

/**
 * The users page on a phone: one card per player, so Player, Birthday and the three
 * last-activity times stay readable without scrolling sideways; the ids sit at the bottom.
 */
export function UsersCards({ rows, loading, busy }: { rows: VipUser[] | undefined; loading: boolean; busy: boolean }) {
  const now = useNow();
  if (loading) return <SkeletonBlock label="Loading VIP users" height={480} />;
  return (
    <ul className="user-cards" aria-label="VIP users, highest lifetime value first" aria-busy={busy}>
      {(rows ?? []).map((user) => {
        const birthday = formatBirthday(user.birthday);
        const fullName = [user.firstName, user.lastName].filter(Boolean).join(" ");
        return (
          <li key={user.conversationId} className="user-card">
            <div className="player">
              <Avatar user={user} />
              <span>
                <strong>{user.userName || dash}</strong>
                {fullName && <span className="user-card__name"> {fullName}</span>}
              </span>
            </div>
            <dl className="user-card__facts">
              <div>
                <dt>Birthday</dt>
                <dd>{birthday ?? dash}</dd>
              </div>
              <div>
                <dt>Last purchase</dt>
                <dd><RelativeTime ts={user.lastPurchaseTimestamp} now={now} /></dd>
              </div>
              <div>
                <dt>Last message</dt>
                <dd><RelativeTime ts={user.lastUserMessageTimestamp} now={now} /></dd>
              </div>
              <div>
                <dt>Last app open</dt>
                <dd><RelativeTime ts={user.lastAppOpenTimestamp} now={now} /></dd>
              </div>
            </dl>
            <div className="user-card__ids">
              {user.cuid && <CopyValue value={user.cuid} label="CUID" />}
              <ConversationRef id={user.conversationId} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
