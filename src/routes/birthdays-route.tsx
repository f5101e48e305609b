import type { QueryClient } from "@tanstack/react-query";
import type { LoaderFunctionArgs } from "react-router-dom";
import { useShell } from "./shell-context";
import { NotificationsLink } from "./notifications-link";
import { WithWorkspace } from "./with-workspace";
import { Forbidden } from "../components/forbidden";
import { useDocumentTitle } from "../components/use-document-title";
import { BirthdaysPanel } from "../features/upcoming-birthdays/birthdays-panel";
import { sessionQuery } from "../features/session/api";
import { permissionsIn } from "../features/session/permissions";
import { prefetchBirthdaysPreview } from "../features/upcoming-birthdays/prefetch";
import { URL_KEYS } from "../features/workspace/use-workspace";

/**
 * When the link names its workspace and channel, the list's preview is asked for as soon as
 * the session says the person may see players there, rather than after the workspaces and
 * channels have answered too and the view has rendered. It only warms the cache the panel
 * reads: nothing waits on it (the loader returns at once), and nothing is asked that the
 * session says would be refused.
 */
export const birthdaysLoader =
  (queryClient: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    const search = new URL(request.url).searchParams;
    const workspaceId = search.get(URL_KEYS.workspace);
    const channelId = search.get(URL_KEYS.channel);
    if (workspaceId && channelId) {
      void queryClient
        .ensureQueryData(sessionQuery())
        .then((session) => {
          if (permissionsIn(session, workspaceId).personalData) prefetchBirthdaysPreview(queryClient, search, workspaceId, channelId);
        })
        // The session's own error is the shell's to show.
        .catch(() => undefined);
    }
    return null;
  };

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
