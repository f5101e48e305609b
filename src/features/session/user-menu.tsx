import type { SessionAnswer } from "#contract/dashboard-api";

/**
 * Who is signed in, and Sign out (a POST from our own page; the server then ends the session
 * and, where the provider supports it, signs out there too). Local mode says so plainly.
 */
export function UserMenu({ session }: { session: SessionAnswer }) {
  if (session.mode === "none") {
    return (
      <p className="user-menu user-menu--local" title="Anyone on this computer can use the dashboard; it listens on a loopback address only.">
        Local mode: no sign-in
      </p>
    );
  }
  const who = session.user?.name ?? session.user?.email ?? "Signed in";
  return (
    <div className="user-menu">
      <span className="user-menu__who" title={session.user?.email ?? undefined}>
        {who}
      </span>
      {session.signOutUrl && (
        <form method="post" action={session.signOutUrl} className="user-menu__form">
          <button type="submit" className="button button--secondary button--small">
            Sign out
          </button>
        </form>
      )}
    </div>
  );
}
