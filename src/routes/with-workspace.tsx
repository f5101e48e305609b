import type { ReactNode } from "react";
import { SkeletonBlock } from "../components/feedback";
import { useShell } from "./shell-context";

/**
 * Renders a view once a workspace and channel are chosen: nothing while the header shows the
 * workspace list's error, a skeleton while it loads, a note when the workspace has no channel. Keyed
 * by the pair, so switching starts the view from a clean slate.
 */
export function WithWorkspace({
  loadingLabel,
  children,
}: {
  loadingLabel: string;
  children: (workspaceId: string, channelId: string) => ReactNode;
}) {
  const { workspaceId, channelId, workspaceError } = useShell();
  if (workspaceError) return null;
  if (!workspaceId) return <SkeletonBlock label={loadingLabel} />;
  if (!channelId) return <p className="empty-state">This workspace has no connected channels.</p>;
  return <div key={`${workspaceId}/${channelId}`}>{children(workspaceId, channelId)}</div>;
}
