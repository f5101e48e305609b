import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SessionAnswer } from "#contract/dashboard-api";
import { withArticle, type OwnAccessRequest } from "#contract/grants";
import { formatUtc } from "../../lib/format/dates";
import { dismissAnswer, sessionKeys } from "./api";

const place = (id: string | null, names: ReadonlyMap<string, string>) => (id === "*" ? "every workspace" : id ? (names.get(id) ?? id) : undefined);

/** What the admins answered to the person's requests, until they put each answer away. */
export function RequestAnswers({ session, workspaceNames = new Map() }: { session: SessionAnswer; workspaceNames?: ReadonlyMap<string, string> }) {
  const answered = session.accessRequests.filter((r) => r.status !== "pending");
  if (answered.length === 0) return null;
  return (
    <ul className="request-answers" aria-label="Answers to your requests for access">
      {answered.map((r) => (
        <Answer key={r.id} request={r} contact={session.contact} names={workspaceNames} />
      ))}
    </ul>
  );
}

function Answer({ request, contact, names }: { request: OwnAccessRequest; contact: string; names: ReadonlyMap<string, string> }) {
  const queryClient = useQueryClient();
  const dismiss = useMutation({
    mutationFn: () => dismissAnswer(request.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
  const when = request.decidedAt ? formatUtc(Date.parse(request.decidedAt)) : undefined;
  const asked = `${request.role === "viewer" ? "access" : `the ${request.role} role`}${request.workspaceId ? ` in ${place(request.workspaceId, names)}` : ""}`;
  return (
    <li className={`request-answer request-answer--${request.status}`} role="status">
      <span>
        {request.status === "granted" ? (
          <>
            Your request for {asked} was <strong>granted</strong>
            {when ? ` on ${when}` : ""}: you are {request.grantedRole ? withArticle(request.grantedRole) : "granted access"} in {place(request.grantedWorkspaceId, names)}.
          </>
        ) : (
          <>
            Your request for {asked} was <strong>declined</strong>
            {when ? ` on ${when}` : ""}. If you think it should be granted, ask {contact}.
          </>
        )}
      </span>
      <button type="button" className="button button--secondary button--small" disabled={dismiss.isPending} onClick={() => dismiss.mutate()}>
        Dismiss
      </button>
      {dismiss.isError && (
        <span className="export__error" role="alert">
          Could not dismiss it. Try again.
        </span>
      )}
    </li>
  );
}
