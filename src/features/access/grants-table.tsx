import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { EVERY_WORKSPACE, ROLE_NAMES, type RoleName } from "#contract/access";
import { grantChangeProblem, needsConfirmation, type Grant, type GrantActor, withArticle } from "#contract/grants";
import { isApiError } from "../../lib/api-client";
import { formatUtc } from "../../lib/format/dates";
import { changeRole, revokeGrant } from "./api";
import { RoleConfirmation } from "./role-choice";
import type { WorkspaceNames } from "./workspace-names";
import { WorkspaceSelect } from "./workspace-select";

const whoOf = (g: Grant) => g.email ?? `Group ${g.group}`;

/**
 * Every grant in force the admin may see, with its role changed or the grant revoked in place.
 * The policy file's grants are shown read-only; a change the rules refuse (the last admin, one's
 * own role) is refused here with the reason, before anything is sent.
 */
export function GrantsTable({ grants, manageable, me, names, onChanged }: { grants: readonly Grant[]; manageable: readonly string[]; me: GrantActor; names: WorkspaceNames; onChanged: (message: string) => void }) {
  const [find, setFind] = useState("");
  const [where, setWhere] = useState("");
  const needle = find.trim().toLowerCase();
  const shown = grants.filter((g) => (!where || g.workspaceId === where) && (!needle || whoOf(g).toLowerCase().includes(needle)));
  const places = [...new Set(grants.map((g) => g.workspaceId))];

  return (
    <section aria-labelledby="grants-heading" className="grants">
      <h2 id="grants-heading">Who has access</h2>
      <div className="grants__filters">
        <label className="field">
          <span className="field__label">Find a person or group</span>
          <input type="search" value={find} onChange={(e) => setFind(e.target.value)} placeholder="e-mail or group" />
        </label>
        <WorkspaceSelect label="Workspace" value={where} onChange={setWhere} places={places} names={names} all="All" />
      </div>
      <p className="muted" aria-live="polite">
        {shown.length === grants.length ? `${grants.length} ${grants.length === 1 ? "grant" : "grants"}` : `${shown.length} of ${grants.length} grants`}
      </p>
      {shown.length === 0 ? (
        <p className="empty-state__text">{grants.length === 0 ? "No grants yet." : "No grant matches; clear the search to see them all."}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table grants-table">
            <caption className="visually-hidden">Grants: who, where, which role, and where the grant comes from</caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Workspace</th>
                <th scope="col">Role</th>
                <th scope="col">From</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((g) => (
                <GrantRow key={g.id} grant={g} all={grants} me={me} names={names} canManage={g.source === "database" && (manageable.includes(EVERY_WORKSPACE) || manageable.includes(g.workspaceId))} onChanged={onChanged} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function GrantRow({ grant, all, me, names, canManage, onChanged }: { grant: Grant; all: readonly Grant[]; me: GrantActor; names: WorkspaceNames; canManage: boolean; onChanged: (message: string) => void }) {
  const [asking, setAsking] = useState<{ kind: "role"; role: RoleName } | { kind: "revoke" } | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const who = whoOf(grant);
  const where = names.of(grant.workspaceId);
  const change = useMutation({
    mutationFn: (role: RoleName) => changeRole(grant.id, role),
    onSuccess: (_answer, role) => {
      setAsking(undefined);
      onChanged(`${who} is now ${withArticle(role)} in ${where}.`);
    },
    onError: () => setAsking(undefined),
  });
  const revoke = useMutation({
    mutationFn: () => revokeGrant(grant.id),
    onSuccess: () => onChanged(`${who} no longer has the ${grant.role} role in ${where}.`),
    onError: () => setAsking(undefined),
  });
  const revokeProblem = canManage ? grantChangeProblem(all, { kind: "revoke", before: grant }, me, names.map) : undefined;
  const pick = (role: RoleName) => {
    setProblem(undefined);
    change.reset();
    if (role === grant.role) return;
    const refused = grantChangeProblem(all, { kind: "change", before: grant, role }, me, names.map);
    if (refused) return setProblem(refused);
    if (needsConfirmation(role)) setAsking({ kind: "role", role });
    else change.mutate(role);
  };
  const failed = change.error ?? revoke.error;
  const reasonId = `grant-${grant.id}-reason`;

  return (
    <>
      <tr>
        <th scope="row">{who}</th>
        <td>{where}</td>
        <td>
          {canManage ? (
            <select aria-label={`Role of ${who} in ${where}`} value={asking?.kind === "role" ? asking.role : grant.role} disabled={change.isPending} onChange={(e) => pick(e.target.value as RoleName)}>
              {ROLE_NAMES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          ) : (
            grant.role
          )}
        </td>
        <td className="muted">{grant.source === "policy" ? "the policy file (read-only here)" : `${grant.changedBy ?? "?"}, ${grant.changedAt ? formatUtc(Date.parse(grant.changedAt)) : ""}`}</td>
        <td>
          {canManage && !asking && (
            <button
              type="button"
              className="button button--small button--secondary"
              aria-label={`Revoke ${who} in ${where}`}
              aria-disabled={revokeProblem !== undefined || undefined}
              aria-describedby={revokeProblem ? reasonId : undefined}
              onClick={() => (revokeProblem ? setProblem(revokeProblem) : setAsking({ kind: "revoke" }))}
            >
              Revoke
            </button>
          )}
        </td>
      </tr>
      {(asking || problem || failed) && (
        <tr className="grants-table__detail">
          <td colSpan={5}>
            {problem && (
              <p className="export__error" role="alert" id={reasonId}>
                {problem}
              </p>
            )}
            {failed && (
              <p className="export__error" role="alert">
                {isApiError(failed) ? failed.message : "The change could not be saved. Try again."}
              </p>
            )}
            {asking?.kind === "role" && (
              <RoleConfirmation role={asking.role} who={who} where={where} pending={change.isPending} onConfirm={() => change.mutate(asking.role)} onBack={() => setAsking(undefined)} />
            )}
            {asking?.kind === "revoke" && (
              <div className="role-confirm" role="group" aria-label={`Confirm revoking ${who}`}>
                <p>
                  <strong>
                    Revoke {who}'s {grant.role} role in {where}?
                  </strong>{" "}
                  It stops at their next click{grant.workspaceId === EVERY_WORKSPACE ? ", in every workspace" : ""}; other grants they have stay.
                </p>
                <div className="event-form__actions">
                  <button type="button" className="button button--danger" disabled={revoke.isPending} onClick={() => revoke.mutate()}>
                    {revoke.isPending ? "Revoking…" : `Revoke ${who}`}
                  </button>
                  <button type="button" className="button button--secondary" disabled={revoke.isPending} onClick={() => setAsking(undefined)}>
                    Keep
                  </button>
                </div>
              </div>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
