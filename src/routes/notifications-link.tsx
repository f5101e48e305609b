import { Link } from "react-router-dom";

/** "Get this every morning" / "Alert me when this spikes": the Notifications view, for this workspace and channel. */
export function NotificationsLink({ workspaceId, channelId, kind, children }: { workspaceId: string; channelId: string; kind: "digest" | "alert"; children: string }) {
  const search = new URLSearchParams({ ws: workspaceId, ch: channelId, ...(kind === "alert" ? { new: "alert" } : {}) });
  return (
    <Link className="button button--secondary view-notify-link" to={{ pathname: "/notifications", search: `?${search}` }}>
      {children}
    </Link>
  );
}
