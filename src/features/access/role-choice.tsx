import { useEffect, useRef } from "react";
import { ROLE_NAMES, type RoleName } from "#contract/access";
import { ROLE_SUMMARY, withArticle } from "#contract/grants";

/** The four roles, each with what it allows, as one radio group (least privilege first). */
export function RoleChoice({ name, value, onChange, legend = "Role" }: { name: string; value: RoleName; onChange: (role: RoleName) => void; legend?: string }) {
  return (
    <fieldset className="role-choice">
      <legend>{legend}</legend>
      {ROLE_NAMES.map((role) => (
        <label key={role} className="role-choice__option">
          <input type="radio" name={name} value={role} checked={value === role} onChange={() => onChange(role)} />
          <span>
            <strong>{role}</strong> <span className="muted">{ROLE_SUMMARY[role]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** What a grant of exporter or admin asks before it is made: what it allows, in words. */
export function RoleConfirmation({ role, who, where, onConfirm, onBack, pending }: { role: RoleName; who: string; where: string; onConfirm: () => void; onBack: () => void; pending: boolean }) {
  // The question takes the focus: a keyboard user hears it and answers it next.
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div className="role-confirm" role="group" aria-label={`Confirm ${role} for ${who}`}>
      <p>
        <strong>
          {who} becomes {withArticle(role)} in {where}.
        </strong>{" "}
        {role === "admin"
          ? "An admin sees players' personal data, exports it, reads the audit log, and grants and revokes everyone's access there."
          : "An exporter downloads CSV files of players' personal data: it leaves the dashboard, and what happens to the files is out of its hands."}
      </p>
      <div className="event-form__actions">
        <button ref={confirm} type="button" className="button button--danger" onClick={onConfirm} disabled={pending}>
          {pending ? "Granting…" : `Yes, make them ${role}`}
        </button>
        <button type="button" className="button button--secondary" onClick={onBack} disabled={pending}>
          Back
        </button>
      </div>
    </div>
  );
}
