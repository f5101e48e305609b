import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { EVERY_WORKSPACE, roleRank, type RoleName } from "#contract/access";
import { needsConfirmation, type AccessRequest, withArticle } from "#contract/grants";
import { isApiError } from "../../lib/api-client";
import { formatUtc } from "../../lib/format/dates";
import { decideRequest } from "./api";
import { RoleChoice, RoleConfirmation } from "./role-choice";
import type { WorkspaceNames } from "./workspace-names";
import { WorkspaceSelect } from "./workspace-select";

const asked = (r: AccessRequest, names: WorkspaceNames) =>
  `${r.role === "viewer" ? "access" : `the ${r.role} role`}${r.workspaceId ? ` in ${names.of(r.workspaceId)}` : " (no workspace named)"}`;

/** Pending requests with Grant and Decline, then those answered in the last 30 days. */
export function RequestsList({ requests, manageable, names, onDecided }: { requests: readonly AccessRequest[]; manageable: readonly string[]; names: WorkspaceNames; onDecided: (message: string) => void }) {
  const pending = requests.filter((r) => r.status === "pending");
  const answered = requests.filter((r) => r.status !== "pending");
  return (
    <section aria-labelledby="requests-heading" className="access-requests">
      <h2 id="requests-heading">Requests for access{pending.length > 0 ? ` (${pending.length} waiting)` : ""}</h2>
      {pending.length === 0 ? (
        <p className="muted">No one is waiting. A person a page refuses can ask from there; their request appears here.</p>
      ) : (
        <ul className="access-requests__list">
          {pending.map((r) => (
            <PendingRequest key={r.id} request={r} manageable={manageable} names={names} onDecided={onDecided} />
          ))}
        </ul>
      )}
      {answered.length > 0 && (
        <details className="access-requests__answered">
          <summary>Answered in the last 30 days ({answered.length})</summary>
          <ul>
            {answered.map((r) => (
              <li key={r.id}>
                {r.name ? `${r.name} (${r.requester})` : r.requester} asked for {asked(r, names)}:{" "}
                {r.status === "granted" ? `granted ${r.grantedRole} in ${names.of(r.grantedWorkspaceId ?? "")}` : "declined"} by {r.decidedBy}
                {r.decidedAt ? `, ${formatUtc(Date.parse(r.decidedAt))}` : ""}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function PendingRequest({ request, manageable, names, onDecided }: { request: AccessRequest; manageable: readonly string[]; names: WorkspaceNames; onDecided: (message: string) => void }) {
  const id = useId();
  const everywhere = manageable.includes(EVERY_WORKSPACE);
  const managed = everywhere ? names.ids() : manageable.filter((p) => p !== EVERY_WORKSPACE);
  // The workspace the request names is offered as it is, even when no list names it (shown by its id).
  const places = request.workspaceId && !managed.includes(request.workspaceId) && everywhere ? [request.workspaceId, ...managed] : managed;
  // The workspace asked about, else the first the admin manages (derived: the names may arrive later).
  const [picked, setWorkspaceId] = useState<string>();
  const workspaceId = picked ?? request.workspaceId ?? places[0] ?? "";
  // Least privilege: what they asked for up to analyst; exporter and admin are chosen on purpose.
  const [role, setRole] = useState<RoleName>(roleRank(request.role) <= roleRank("analyst") ? request.role : "viewer");
  const [confirming, setConfirming] = useState(false);
  const who = request.name ? `${request.name} (${request.requester})` : request.requester;
  const decide = useMutation({
    mutationFn: (decision: "grant" | "decline") => decideRequest(request.id, decision === "grant" ? { decision, role, workspaceId } : { decision }),
    onSuccess: (_answer, decision) => onDecided(decision === "grant" ? `${request.requester} is now ${withArticle(role)} in ${names.of(workspaceId)}.` : `Declined ${request.requester}'s request.`),
    onSettled: () => setConfirming(false),
  });
  const grant = () => (needsConfirmation(role) ? setConfirming(true) : decide.mutate("grant"));

  return (
    <li className="access-request" aria-labelledby={`${id}-who`}>
      <p>
        <strong id={`${id}-who`}>{who}</strong> asked for {asked(request, names)} · {formatUtc(Date.parse(request.createdAt))}
      </p>
      {request.note && <blockquote className="access-request__note">{request.note}</blockquote>}
      {!request.hasEmail && <p className="muted">Their sign-in gives no e-mail address: grant one of their groups in the form below instead.</p>}
      <div className="event-form__fields">
        <WorkspaceSelect label="Workspace" value={workspaceId} onChange={setWorkspaceId} places={places} names={names} />
      </div>
      <RoleChoice name={`${id}-role`} value={role} onChange={setRole} legend={`Role for ${request.requester}`} />
      {decide.isError && (
        <p className="export__error" role="alert">
          {isApiError(decide.error) ? decide.error.message : "The answer could not be saved. Try again."}
        </p>
      )}
      {confirming ? (
        <RoleConfirmation role={role} who={request.requester} where={names.of(workspaceId)} pending={decide.isPending} onConfirm={() => decide.mutate("grant")} onBack={() => setConfirming(false)} />
      ) : (
        <div className="event-form__actions">
          <button type="button" className="button" disabled={decide.isPending || !request.hasEmail || !workspaceId} onClick={grant}>
            Grant {role}
          </button>
          <button type="button" className="button button--secondary" disabled={decide.isPending} onClick={() => decide.mutate("decline")}>
            Decline
          </button>
        </div>
      )}
    </li>
  );
}
