import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import { EVERY_WORKSPACE, type RoleName } from "#contract/access";
import { GROUP_MAX, needsConfirmation, withArticle } from "#contract/grants";
import { isApiError } from "../../lib/api-client";
import { createGrant } from "./api";
import { RoleChoice, RoleConfirmation } from "./role-choice";
import type { WorkspaceNames } from "./workspace-names";
import { WorkspaceSelect } from "./workspace-select";

/**
 * Grants a role to a person (by e-mail, before they ever sign in) or to a group, in one
 * workspace or in every workspace. Viewer by default; exporter and admin ask first.
 */
export function GrantForm({ manageable, names, onDone }: { manageable: readonly string[]; names: WorkspaceNames; onDone: (message: string) => void }) {
  const everywhere = manageable.includes(EVERY_WORKSPACE);
  const places = everywhere ? [EVERY_WORKSPACE, ...names.ids()] : manageable;
  const [kind, setKind] = useState<"email" | "group">("email");
  const [who, setWho] = useState("");
  // One workspace unless "every workspace" is picked on purpose (derived: the names may arrive later).
  const [picked, setWorkspaceId] = useState<string>();
  const workspaceId = picked !== undefined && places.includes(picked) ? picked : (places.find((p) => p !== EVERY_WORKSPACE) ?? places[0] ?? "");
  const [role, setRole] = useState<RoleName>("viewer");
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const whoInput = useRef<HTMLInputElement>(null);
  const id = useId();
  const grant = useMutation({
    mutationFn: () => createGrant({ ...(kind === "email" ? { email: who.trim() } : { group: who.trim() }), workspaceId, role }),
    onSuccess: () => {
      const name = kind === "email" ? who.trim() : `Group ${who.trim()}`;
      onDone(`${name} is now ${withArticle(role)} in ${names.of(workspaceId)}.`);
      setWho("");
      setRole("viewer");
      setConfirming(false);
    },
    onError: () => setConfirming(false),
  });
  const subject = kind === "email" ? who.trim() : `group ${who.trim()}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!who.trim()) {
      setMissing(true);
      whoInput.current?.focus();
      return;
    }
    if (needsConfirmation(role)) setConfirming(true);
    else grant.mutate();
  };

  return (
    <form className="grant-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Grant access</h2>
      <fieldset className="segmented">
        <legend>To</legend>
        <label>
          <input type="radio" name={`${id}-kind`} checked={kind === "email"} onChange={() => setKind("email")} />A person
        </label>
        <label>
          <input type="radio" name={`${id}-kind`} checked={kind === "group"} onChange={() => setKind("group")} />A group
        </label>
      </fieldset>
      <div className="event-form__fields">
        <label className="field field--wide">
          <span className="field__label">{kind === "email" ? "E-mail address (as they sign in)" : "Group (as the sign-in names it)"}</span>
          <input
            ref={whoInput}
            type={kind === "email" ? "email" : "text"}
            value={who}
            maxLength={kind === "email" ? 254 : GROUP_MAX}
            autoComplete="off"
            required
            aria-invalid={missing || undefined}
            aria-describedby={missing ? `${id}-missing` : undefined}
            placeholder={kind === "email" ? "new.manager@studio.com" : "community-team"}
            onChange={(e) => {
              setWho(e.target.value);
              if (e.target.value.trim()) setMissing(false);
            }}
          />
          {missing && (
            <span className="field__error" id={`${id}-missing`} role="alert">
              {kind === "email" ? "Give the person's e-mail address." : "Give the group's name."}
            </span>
          )}
        </label>
        <WorkspaceSelect label="Where" value={workspaceId} onChange={setWorkspaceId} places={places} names={names} />
      </div>
      <RoleChoice name={`${id}-role`} value={role} onChange={setRole} />
      <p className="muted grant-form__note">The grant counts at their next click, on every instance; a person who has never signed in finds it at their first sign-in.</p>
      {grant.isError && (
        <p className="export__error" role="alert">
          {isApiError(grant.error) ? grant.error.message : "The grant could not be saved. Try again."}
        </p>
      )}
      {confirming ? (
        <RoleConfirmation role={role} who={subject} where={names.of(workspaceId)} pending={grant.isPending} onConfirm={() => grant.mutate()} onBack={() => setConfirming(false)} />
      ) : (
        <div className="event-form__actions">
          <button type="submit" className="button" disabled={grant.isPending}>
            {grant.isPending ? "Granting…" : `Grant ${role}`}
          </button>
        </div>
      )}
    </form>
  );
}
