import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useShell } from "./shell-context";
import { Forbidden } from "../components/forbidden";
import { useDocumentTitle } from "../components/use-document-title";
import { AccessPanel } from "../features/access/access-panel";
import { sessionKeys, useSession } from "../features/session/api";
import { workspacesQuery } from "../features/workspace/api";

export function AccessRoute() {
  const { permissions } = useShell();
  const session = useSession();
  const queryClient = useQueryClient();
  const workspaces = useQuery(workspacesQuery());
  useDocumentTitle(["Access", !permissions.access && "no access"]);
  if (!permissions.access) {
    return (
      <section className="panel" aria-labelledby="access-heading">
        <h1 id="access-heading">Access</h1>
        <Forbidden title="Managing access is for admins" needs="admin" contact={permissions.contact} current={permissions.role} />
      </section>
    );
  }
  const user = session.data?.user;
  return (
    <AccessPanel
      workspaces={workspaces.data ?? []}
      me={{ email: user?.email ?? null, groups: user?.groups ?? [] }}
      onAccessChanged={() => void queryClient.invalidateQueries({ queryKey: sessionKeys.all })}
    />
  );
}
