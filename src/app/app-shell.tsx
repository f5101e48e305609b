import { NavLink, Navigate, Outlet, useLocation, useSearchParams } from "react-router-dom";
import { WorkspacePickers } from "../features/workspace/workspace-pickers";
import { URL_KEYS, useWorkspace } from "../features/workspace/use-workspace";
import { withParams } from "../lib/search-params";
import type { ShellContext } from "./shell-context";

/** Header (pickers, navigation) around the current route. */
export function AppShell() {
  const workspace = useWorkspace();
  const [params] = useSearchParams();
  const location = useLocation();
  const { workspaceId, channelId } = workspace;

  // A URL without ws/ch gets them written in (replacing, not adding, a history entry), so
  // what is on screen is always what a copied link shows.
  if (workspace.needsUrl && workspaceId) {
    const search = withParams(params, { [URL_KEYS.workspace]: workspaceId, [URL_KEYS.channel]: channelId }).toString();
    return <Navigate replace to={{ pathname: location.pathname, search: `?${search}` }} />;
  }

  const linkSearch = workspaceId ? `?${withParams(new URLSearchParams(), { [URL_KEYS.workspace]: workspaceId, [URL_KEYS.channel]: channelId })}` : "";
  const context: ShellContext = {
    workspaceId,
    channelId,
    workspaceError: workspace.workspaces.isError || workspace.channels.isError,
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
        <WorkspacePickers workspace={workspace} />
      </header>
      <main className="app-main">
        <Outlet context={context} />
      </main>
    </div>
  );
}
