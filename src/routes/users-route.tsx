import { useShell } from "./shell-context";
import { WithWorkspace } from "./with-workspace";
import { Forbidden } from "../components/forbidden";
import { useDocumentTitle } from "../components/use-document-title";
import { VipUsersPanel } from "../features/vip-users/vip-users-panel";

export function UsersRoute() {
  const { permissions, workspaceName } = useShell();
  useDocumentTitle(["VIP users", !permissions.personalData && "no access", workspaceName]);
  return (
    <WithWorkspace loadingLabel="Loading VIP users">
      {(workspaceId, channelId) =>
        permissions.personalData ? (
          <VipUsersPanel
            workspaceId={workspaceId}
            channelId={channelId}
            exportAccess={permissions.export ? "allowed" : { contact: permissions.contact }}
          />
        ) : (
          <section className="panel" aria-labelledby="users-heading">
            <h1 id="users-heading">VIP users</h1>
            <Forbidden title="VIP players are not part of your role" needs="analyst" contact={permissions.contact} current={permissions.role} />
          </section>
        )
      }
    </WithWorkspace>
  );
}
