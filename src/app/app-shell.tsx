import { Navigate, Outlet, useLocation, useSearchParams } from "react-router-dom";
import { CAPABILITY_ROLE } from "#contract/access";
import type { SessionAnswer } from "#contract/dashboard-api";
import { Brand } from "../components/brand";
import { AskForAccessSlot } from "../components/ask-for-access-slot";
import { ConversationUrlContext } from "../components/conversation-ref";
import { AskForAccess } from "../features/session/ask-for-access";
import { RequestAnswers } from "../features/session/request-answers";
import { CopyLinkButton } from "../components/copy-link-button";
import { SkipLink } from "../components/skip-link";
import { ThemePicker } from "../components/theme-picker";
import { permissionsIn } from "../features/session/permissions";
import { DRILL_WORKSPACE_KEYS } from "../features/message-drilldown/url-state";
import { SessionGate } from "../features/session/session-gate";
import { USERS_WORKSPACE_KEYS } from "../features/vip-users/url-state";
import { UserMenu } from "../features/session/user-menu";
import { UnknownLinkNotice } from "../features/workspace/unknown-link-notice";
import { WorkspacePickers } from "../features/workspace/workspace-pickers";
import { URL_KEYS, useWorkspace } from "../features/workspace/use-workspace";
import { withParams } from "../lib/search-params";
import type { ShellContext } from "../routes/shell-context";
import { useViewMemory } from "./use-view-memory";
import { ViewTab } from "./view-tab";

/** The URL keys each feature ties to one workspace, dropped when the workspace changes. */
const WORKSPACE_SCOPED_KEYS = [...USERS_WORKSPACE_KEYS, ...DRILL_WORKSPACE_KEYS];

/** Header (pickers, navigation, who is signed in) around the current route, once signed in. */
export function AppShell() {
  return <SessionGate>{(session) => <Shell session={session} />}</SessionGate>;
}

function Shell({ session }: { session: SessionAnswer }) {
  const workspace = useWorkspace(WORKSPACE_SCOPED_KEYS);
  const [params] = useSearchParams();
  const location = useLocation();
  const { workspaceId, channelId } = workspace;
  const linkFor = useViewMemory(location.pathname, location.search, workspaceId, channelId);

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
    workspaceName: workspace.workspaces.data?.find((w) => w.id === workspaceId)?.name,
    workspaceError: workspace.workspaces.isError || workspace.channels.isError,
    permissions: permissionsIn(session, workspaceId),
  };
  const names = new Map((workspace.workspaces.data ?? []).map((w) => [w.id, w.name]));
  const personal = context.permissions.personalData ? undefined : CAPABILITY_ROLE["personal-data"];

  return (
    <div className="app">
      {/* The first Tab stop: past the header and its pickers, straight to the view. */}
      <SkipLink target="main">Skip to results</SkipLink>
      <header className="app-header">
        <Brand className="app-header__brand" />
        <nav className="app-nav" aria-label="Views">
          <ViewTab to={{ pathname: "/users", search: linkFor("users", linkSearch) }} name="VIP users" locked={personal} />
          <ViewTab to={{ pathname: "/birthdays", search: linkFor("birthdays", linkSearch) }} name="Birthdays" locked={personal} />
          <ViewTab to={{ pathname: "/labels", search: linkFor("labels", linkSearch) }} name="Labels" locked={context.permissions.overview ? undefined : CAPABILITY_ROLE.overview} />
          <ViewTab to={{ pathname: "/messages", search: linkFor("messages", linkSearch) }} name="Messages" locked={personal} />
          <ViewTab to={{ pathname: "/notifications", search: linkFor("notifications", linkSearch) }} name="Notifications" locked={context.permissions.overview ? undefined : CAPABILITY_ROLE.overview} />
          <ViewTab to={{ pathname: "/audit", search: linkFor("audit", linkSearch) }} name="Audit" locked={context.permissions.audit ? undefined : CAPABILITY_ROLE.audit} />
          {/* Shown to admins only: for anyone else there is nothing to see there, and the tab would be noise. */}
          {context.permissions.access && <ViewTab to={{ pathname: "/access", search: linkFor("access", linkSearch) }} name="Access" locked={undefined} />}
        </nav>
        <WorkspacePickers workspace={workspace} />
        <CopyLinkButton />
        <ThemePicker />
        <UserMenu session={session} />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <RequestAnswers session={session} workspaceNames={names} />
        <AskForAccessSlot value={(role) => <AskForAccess session={session} workspaceId={workspaceId} role={role} />}>
          <ConversationUrlContext value={session.conversationUrl}>
            {workspace.unknown ? <UnknownLinkNotice workspace={workspace} /> : <Outlet context={context} />}
          </ConversationUrlContext>
        </AskForAccessSlot>
      </main>
    </div>
  );
}
