import { useShell } from "./shell-context";
import { NotificationsLink } from "./notifications-link";
import { WithWorkspace } from "./with-workspace";
import { Forbidden } from "../components/forbidden";
import { useDocumentTitle } from "../components/use-document-title";
import { BirthdaysPanel } from "../features/upcoming-birthdays/birthdays-panel";

export function BirthdaysRoute() {
  const { permissions, workspaceName } = useShell();
  useDocumentTitle(["Birthdays", !permissions.personalData && "no access", workspaceName]);
  return (
    <WithWorkspace loadingLabel="Loading birthdays">
      {(workspaceId, channelId) =>
        permissions.personalData ? (
          <BirthdaysPanel
            workspaceId={workspaceId}
            channelId={channelId}
            exportAccess={permissions.export ? "allowed" : { contact: permissions.contact }}
            headerActions={
              <NotificationsLink workspaceId={workspaceId} channelId={channelId} kind="digest">
                Get this every morning
              </NotificationsLink>
            }
          />
        ) : (
          <section className="panel" aria-labelledby="birthdays-heading">
            <h1 id="birthdays-heading">Upcoming birthdays</h1>
            <Forbidden title="Players' birthdays are not part of your role" needs="analyst" contact={permissions.contact} current={permissions.role} />
          </section>
        )
      }
    </WithWorkspace>
  );
}
