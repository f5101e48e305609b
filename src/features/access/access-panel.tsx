import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { GrantActor } from "#contract/grants";
import { SkeletonBlock } from "../../components/feedback";
import { QueryError } from "../../components/query-error";
import { accessKeys, useAccessRequests, useGrants } from "./api";
import { GrantForm } from "./grant-form";
import { GrantsTable } from "./grants-table";
import { RequestsList } from "./requests-list";
import { workspaceNames } from "./workspace-names";

/**
 * The Access view: requests waiting for an answer, a form to grant access, and every grant in
 * force (the policy file's read-only). Changes count at once, on every instance.
 */
export function AccessPanel({ workspaces, me, onAccessChanged }: { workspaces: readonly { id: string; name: string }[]; me: GrantActor; onAccessChanged: () => void }) {
  const queryClient = useQueryClient();
  const grants = useGrants();
  const requests = useAccessRequests();
  const [said, setSaid] = useState("");
  const names = workspaceNames(workspaces);
  const changed = (message: string) => {
    setSaid(message);
    void queryClient.invalidateQueries({ queryKey: accessKeys.all });
    // One's own role may be among those changed: the session says what the pages may show.
    onAccessChanged();
  };

  return (
    <section className="panel access" aria-labelledby="access-heading">
      <div className="panel__header">
        <div>
          <h1 id="access-heading">Access</h1>
          <p className="panel__sub">
            Who may see what, per workspace. The higher role wins where the policy file and the page both grant one. Every change is in the audit log.
          </p>
        </div>
      </div>
      <p className="access__said" role="status">
        {said}
      </p>
      {grants.isPending ? (
        <SkeletonBlock label="Loading who has access" height={240} />
      ) : grants.isError ? (
        <QueryError error={grants.error} what="the grants" onRetry={() => void grants.refetch()} />
      ) : (
        <>
          {requests.isError ? (
            <QueryError error={requests.error} what="the requests for access" onRetry={() => void requests.refetch()} />
          ) : requests.isPending ? (
            <SkeletonBlock label="Loading requests for access" height={80} />
          ) : (
            <RequestsList requests={requests.data.items} manageable={grants.data.manageable} names={names} onDecided={changed} />
          )}
          <GrantForm manageable={grants.data.manageable} names={names} onDone={changed} />
          <GrantsTable grants={grants.data.items} manageable={grants.data.manageable} me={me} names={names} onChanged={changed} />
        </>
      )}
    </section>
  );
}
