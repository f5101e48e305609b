import { useEffect, useRef } from "react";
import { NavLink, useMatch } from "react-router-dom";
import type { RoleName } from "#contract/access";
import { isPhoneScreen } from "../lib/phone-screen";

/**
 * A view in the navigation. One the person's role does not include is still shown, locked and
 * saying which role it needs (the same for every view, Audit included), so nobody wonders where
 * it went; it opens to the page that says whom to ask.
 */
export function ViewTab({ to, name, locked }: { to: { pathname: string; search: string }; name: string; locked: RoleName | undefined }) {
  const ref = useRef<HTMLAnchorElement>(null);
  const active = useMatch(to.pathname) !== null;
  // On a phone the views scroll sideways within the navigation: keep the current one in sight.
  // Only there: scrollIntoView lays the page out at once, and on a wide screen (where the views
  // wrap, never scroll) that costs a first view tens of milliseconds before its data has come.
  useEffect(() => {
    if (active && isPhoneScreen()) ref.current?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [active]);
  return (
    <NavLink ref={ref} to={to} className={locked ? "app-nav__locked" : undefined} title={locked ? `Needs the ${locked} role` : undefined}>
      {name}
      {locked && " "}
      {locked && (
        // A drawn lock (an emoji needs a font the system may lack); the name says "locked" in words.
        <svg className="app-nav__lock" width="10" height="11" viewBox="0 0 10 11" aria-hidden="true">
          <rect x="1" y="4.5" width="8" height="6" rx="1" fill="currentColor" />
          <path d="M3 4.5V3a2 2 0 0 1 4 0v1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
        </svg>
      )}
      {locked && <span className="visually-hidden">(locked: needs the {locked} role)</span>}
    </NavLink>
  );
}
