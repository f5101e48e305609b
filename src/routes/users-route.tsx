import { WithWorkspace } from "../app/with-workspace";
import { VipUsersPanel } from "../features/vip-users/vip-users-panel";

export function UsersRoute() {
  return (
    <WithWorkspace loadingLabel="Loading VIP users">
      {(workspaceId, channelId) => <VipUsersPanel workspaceId={workspaceId} channelId={channelId} />}
    </WithWorkspace>
  );
}
