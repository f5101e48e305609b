import { useSearchParams } from "react-router-dom";
import { useShell } from "./shell-context";
import { WithWorkspace } from "./with-workspace";
import { Forbidden } from "../components/forbidden";
import { useDocumentTitle } from "../components/use-document-title";
import { NotificationsPanel } from "../features/notifications/notifications-panel";
import { useSession } from "../features/session/api";
import { withParams } from "../lib/search-params";

export function NotificationsRoute() {
  const { permissions, workspaceName } = useShell();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  // `new=alert` (from "Alert me when this spikes") opens the alert form; the default is a digest.
  const kind = params.get("new") === "alert" ? "alert" : "digest";
  useDocumentTitle(["Notifications", !permissions.overview && "no access", workspaceName]);
  return (
    <WithWorkspace loadingLabel="Loading notifications">
      {(workspaceId, channelId) =>
        permissions.overview ? (
          <NotificationsPanel
            scope={{ workspaceId, channelId, personalData: permissions.personalData, admin: permissions.role === "admin", ownEmail: session.data?.user?.email ?? null }}
            kind={kind}
            onKind={(next) => setParams(withParams(params, { new: next === "alert" ? "alert" : undefined }), { replace: true })}
            mailbox={session.data?.builtInOutbox ?? false}
          />
        ) : (
          <section className="panel" aria-labelledby="notifications-heading">
            <h1 id="notifications-heading">Notifications</h1>
            <Forbidden title="Notifications need access to this workspace" needs="viewer" contact={permissions.contact} current={permissions.role} />
          </section>
        )
      }
    </WithWorkspace>
  );
}
