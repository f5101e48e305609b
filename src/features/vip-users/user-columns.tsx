import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import { ConversationRef } from "../../components/conversation-ref";
import { CopyValue } from "../../components/copy-button";
import { RelativeTime } from "../../components/relative-time";
import type { VipUser } from "#contract/responses";
import { Avatar, dash } from "../../components/player-avatar";
import { formatBirthday } from "../../lib/format/dates";

export const userTableFeatures = tableFeatures({});
const helper = createColumnHelper<typeof userTableFeatures, VipUser>();

/**
 * Columns in the upstream's order of importance. No column sorts: rows come highest-LTV first
 * from the server, and sorting one page would pass off a page's order as the whole list's.
 */
export function userColumns(now: number) {
  return helper.columns([
    helper.accessor("userName", {
      header: "Player",
      cell: (info) => (
        <span className="player">
          <Avatar user={info.row.original} />
          <span>{info.getValue() || dash}</span>
        </span>
      ),
    }),
    helper.accessor("firstName", { header: "First name", cell: (info) => info.getValue() || dash }),
    helper.accessor("lastName", { header: "Last name", cell: (info) => info.getValue() || dash }),
    helper.accessor("birthday", {
      header: "Birthday",
      cell: (info) => {
        const text = formatBirthday(info.getValue());
        return text ? <span title={info.getValue()?.startsWith("--") ? "Year not known" : undefined}>{text}</span> : dash;
      },
    }),
    helper.accessor("lastPurchaseTimestamp", {
      header: "Last purchase",
      cell: (info) => <RelativeTime ts={info.getValue()} now={now} />,
    }),
    helper.accessor("lastUserMessageTimestamp", {
      header: "Last message",
      cell: (info) => <RelativeTime ts={info.getValue()} now={now} />,
    }),
    helper.accessor("lastAppOpenTimestamp", {
      header: "Last app open",
      cell: (info) => <RelativeTime ts={info.getValue()} now={now} />,
    }),
    helper.accessor("cuid", {
      header: "CUID",
      cell: (info) => (info.getValue() ? <CopyValue value={info.getValue() as string} label="CUID" /> : dash),
    }),
    helper.accessor("conversationId", {
      header: "Conversation",
      cell: (info) => <ConversationRef id={info.getValue()} />,
    }),
  ]);
}
