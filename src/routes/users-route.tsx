import { WithSelection } from "../app/with-selection";
import { VipUsersPanel } from "../features/vip-users/vip-users-panel";

export function UsersRoute() {
  return (
    <WithSelection loadingLabel="Loading VIP users">
      {(workspaceId, channelId) => <VipUsersPanel workspaceId={workspaceId} channelId={channelId} />}
    </WithSelection>
  );
}
