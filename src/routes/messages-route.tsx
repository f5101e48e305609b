import { useShell } from "./shell-context";
import { WithWorkspace } from "./with-workspace";
import { Forbidden } from "../components/forbidden";
import { useDocumentTitle } from "../components/use-document-title";
import { useNow } from "../components/use-now";
import { useLabelOverview } from "../features/label-overview/api";
import { MessagesPanel } from "../features/messages/messages-panel";
import { useMessagesView } from "../features/messages/url-state";
import type { Permissions } from "../features/session/permissions";
import { checkWindow } from "../lib/day-window";
import { formatShortDay } from "../lib/format/dates";

export function MessagesRoute() {
  const { permissions, workspaceName } = useShell();
  useDocumentTitle(permissions.personalData ? undefined : ["Messages", "no access", workspaceName]);
  return (
    <WithWorkspace loadingLabel="Loading messages">
      {(workspaceId, channelId) =>
        permissions.personalData ? (
          <MessagesView workspaceId={workspaceId} channelId={channelId} permissions={permissions} workspaceName={workspaceName} />
        ) : (
          <section className="panel" aria-labelledby="messages-heading">
            <h1 id="messages-heading">VIP messages</h1>
            <Forbidden title="Players' messages are not part of your role" needs="analyst" contact={permissions.contact} current={permissions.role} />
          </section>
        )
      }
    </WithWorkspace>
  );
}

/**
 * The messages of a window; the label overview of the same window gives the label names and
 * how many messages there should be (all of them, or one label's), to check the list against.
 */
function MessagesView({ workspaceId, channelId, permissions, workspaceName }: { workspaceId: string; channelId: string; permissions: Permissions; workspaceName: string | undefined }) {
  const now = useNow();
  const { view, update } = useMessagesView(now);
  const checked = checkWindow(view);
  const problem = "problem" in checked ? checked.problem : undefined;
  const overview = useLabelOverview(problem ? undefined : { workspaceId, channelId, from: view.from, to: view.to, granularity: "day" });
  const data = overview.isPlaceholderData ? undefined : overview.data;
  let expected: number | undefined;
  if (data && !view.kind) {
    const counted = view.label ? data.rows.filter((r) => r.label === view.label) : data.activity;
    expected = counted.reduce((sum, r) => sum + r.count, 0);
  }
  useDocumentTitle(["Messages", workspaceName, view.from && view.to ? `${formatShortDay(view.from)}–${formatShortDay(view.to)}` : undefined]);
  return (
    <MessagesPanel
      workspaceId={workspaceId}
      channelId={channelId}
      view={view}
      onChange={update}
      now={now}
      window={"problem" in checked ? undefined : checked}
      windowProblem={problem}
      labels={overview.data?.labels ?? []}
      expected={expected}
      exportAccess={permissions.export ? "allowed" : { contact: permissions.contact }}
    />
  );
}
