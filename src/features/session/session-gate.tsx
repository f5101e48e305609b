import type { ReactNode } from "react";
import { useLocation } from "react-router-dom";
import type { SessionAnswer } from "#contract/dashboard-api";
import { Brand } from "../../components/brand";
import { SkeletonBlock } from "../../components/feedback";
import { QueryError } from "../../components/query-error";
import { signInHref, useSession } from "./api";
import { hasAnyGrant } from "./permissions";
import { AskForAccess } from "./ask-for-access";
import { RequestAnswers } from "./request-answers";
import { UserMenu } from "./user-menu";

/**
 * The dashboard only for people it may show: a sign-in page when nobody is signed in (back to
 * the same view afterwards), a plain "no access yet" page with whom to ask, else the app.
 */
export function SessionGate({ children }: { children: (session: SessionAnswer) => ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <SkeletonBlock label="Checking your sign-in" />;
  if (session.isError) {
    return (
      <main className="app-main">
        <QueryError error={session.error} what="your sign-in" onRetry={() => void session.refetch()} />
      </main>
    );
  }
  const data = session.data;
  if (!data.signedIn) {
    const href = signInHref(data, `${location.pathname}${location.search}`);
    return (
      <GatePage title="Sign in to the Dynamo VIP dashboard">
        <p>The dashboard shows players' personal data, so it needs to know who you are.</p>
        {href ? (
          <p>
            <a className="button" href={href}>
              Sign in
            </a>
          </p>
        ) : (
          <p>Your sign-in proxy did not identify you. Reload the page to sign in again.</p>
        )}
      </GatePage>
    );
  }
  if (!hasAnyGrant(data)) {
    return (
      <GatePage title="You don't have access yet">
        <p>
          You are signed in as <strong>{data.user?.email ?? data.user?.name ?? "an unknown person"}</strong>, but no workspace has
          been shared with you.
        </p>
        <p>Ask {data.contact} to grant you a role (viewer, analyst, exporter or admin) in your studio's workspace, or ask the dashboard's admins from here.</p>
        <RequestAnswers session={data} />
        <AskForAccess session={data} workspaceId={undefined} role="viewer" />
        <UserMenu session={data} />
      </GatePage>
    );
  }
  return children(data);
}

function GatePage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="gate">
      <div className="gate__card">
        <Brand className="gate__brand" />
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
