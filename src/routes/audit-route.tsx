import { useQuery } from "@tanstack/react-query";
import { useShell } from "./shell-context";
import { Forbidden } from "../components/forbidden";
import { useDocumentTitle } from "../components/use-document-title";
import { AuditPanel } from "../features/audit/audit-panel";
import { workspacesQuery } from "../features/workspace/api";

export function AuditRoute() {
  const { permissions } = useShell();
  const workspaces = useQuery(workspacesQuery());
  useDocumentTitle(["Audit log", !permissions.audit && "no access"]);
  if (!permissions.audit) {
    return (
      <section className="panel" aria-labelledby="audit-heading">
        <h1 id="audit-heading">Audit log</h1>
        <Forbidden title="The audit log is for admins" needs="admin" contact={permissions.contact} current={permissions.role} />
      </section>
    );
  }
  return <AuditPanel workspaces={workspaces.data ?? []} />;
}
