import { useShell } from "../app/shell-context";
import { SkeletonBlock } from "../components/feedback";
import { VipUsersPanel } from "../features/vip-users/vip-users-panel";

export function UsersRoute() {
  const { workspaceId, channelId, catalogError } = useShell();
  if (catalogError) return null;
  if (!workspaceId) return <SkeletonBlock label="Loading VIP users" />;
  if (!channelId) return <p className="empty-state">This workspace has no connected channels.</p>;
  // Keyed by workspace and channel: a different pair starts from a clean slate.
  return <VipUsersPanel key={`${workspaceId}/${channelId}`} workspaceId={workspaceId} channelId={channelId} />;
}
