import { useContext } from "react";
import { isRoleName } from "#contract/access";
import { isApiError } from "../lib/api-client";
import { AskForAccessSlot } from "./ask-for-access-slot";

/** Titles by status, so a person knows what kind of problem it is before reading the detail. */
function titleFor(status: number, byRole: boolean): string {
  if (status === 403 && byRole) return "Your role does not include this";
  if (status === 401) return "You are not signed in";
  if (status === 403) return "Not available for this workspace or channel";
  if (status === 404) return "Not found";
  if (status === 400) return "The request was refused";
  if (status === 429) return "Too many requests right now";
  if (status === 504) return "Dynamo took too long to answer";
  if (status === 0) return "Cannot reach the dashboard server";
  return "Dynamo could not answer";
}

function hintFor(status: number, byRole: boolean): string | undefined {
  if (status === 403 && !byRole) {
    return "VIP data is only available for VIP workspaces, on channels connected to them. Pick another workspace or channel above.";
  }
  return undefined;
}

/** An error with the server's own message and, where trying again can help, a Retry button. */
export function QueryError({ error, onRetry, what }: { error: unknown; onRetry?: () => void; what: string }) {
  const status = isApiError(error) ? error.status : -1;
  // The server's 403 for a missing role says which role and whom to ask; no VIP hint then.
  const byRole = isApiError(error) && error.requiredRole !== undefined;
  const message = error instanceof Error ? error.message : String(error);
  const retryable = status !== 400 && status !== 403 && status !== 404;
  const hint = hintFor(status, byRole);
  // A role refused mid-visit (a grant changed meanwhile): asking is one click away, as on a locked view.
  const ask = useContext(AskForAccessSlot);
  const needed = isApiError(error) && isRoleName(error.requiredRole) ? error.requiredRole : undefined;
  return (
    <>
      <div className="query-error" role="alert">
        <p className="query-error__title">
          <strong>{titleFor(status, byRole)}</strong> <span className="query-error__what">({what})</span>
        </p>
        <p className="query-error__message">{message}</p>
        {hint && <p className="query-error__hint">{hint}</p>}
        {onRetry && retryable && (
          <button type="button" className="button" onClick={onRetry}>
            Retry
          </button>
        )}
      </div>
      {status === 403 && needed && ask?.(needed)}
    </>
  );
}
