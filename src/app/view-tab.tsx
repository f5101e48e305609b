import { useEffect, useRef } from "react";
import { NavLink, useMatch } from "react-router-dom";
import type { RoleName } from "#contract/access";

/**
 * A view in the navigation. One the person's role does not include is still shown, locked and
 * saying which role it needs (the same for every view, Audit included), so nobody wonders where
 * it went; it opens to the page that says whom to ask.
 */
export function ViewTab({ to, name, locked }: { to: { pathname: string; search: string }; name: string; locked: RoleName | undefined }) {
  const ref = useRef<HTMLAnchorElement>(null);
  const active = useMatch(to.pathname) !== null;
  // On a phone the views scroll sideways within the navigation: keep the current one in sight.
  useEffect(() => {
    if (active) ref.current?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [active]);
  return (
    <NavLink ref={ref} to={to} className={locked ? "app-nav__locked" : undefined} title={locked ? `Needs the ${locked} role` : undefined}>
      {name}
      {locked && " "}
      {locked && <span className="visually-hidden">(locked: needs the {locked} role)</span>}
    </NavLink>
  );
}
