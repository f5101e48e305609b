import { NavLink, Navigate, Outlet, useLocation, useSearchParams } from "react-router-dom";
import { SelectionPickers } from "../features/workspace/selection-pickers";
import { useSelection } from "../features/workspace/use-selection";
import { withParams } from "../lib/search-params";
import type { ShellContext } from "./shell-context";

/** Header (pickers, navigation) around the current route. */
export function AppShell() {
  const selection = useSelection();
  const [params] = useSearchParams();
  const location = useLocation();
  const { workspaceId, channelId } = selection;

  // A URL without ws/ch gets them written in (replacing, not adding, a history entry), so
  // what is on screen is always what a copied link shows.
  if (selection.needsUrl && workspaceId) {
    const search = withParams(params, { ws: workspaceId, ch: channelId }).toString();
    return <Navigate replace to={{ pathname: location.pathname, search: `?${search}` }} />;
  }

  const linkSearch = workspaceId ? `?${withParams(new URLSearchParams(), { ws: workspaceId, ch: channelId })}` : "";
  const context: ShellContext = {
    workspaceId,
    channelId,
    catalogError: selection.workspaces.isError || selection.channels.isError,
  };
  return (
    <div className="app">
      <header className="app-header">
        <div className="app-header__brand">
          <span className="logo" aria-hidden="true">◆</span> Dynamo <span className="muted">VIP</span>
        </div>
        <nav className="app-nav" aria-label="Views">
          <NavLink to={{ pathname: "/users", search: linkSearch }}>VIP users</NavLink>
          <NavLink to={{ pathname: "/labels", search: linkSearch }}>Labels</NavLink>
        </nav>
        <SelectionPickers selection={selection} />
      </header>
      <main className="app-main">
        <Outlet context={context} />
      </main>
    </div>
  );
}
