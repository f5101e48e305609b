import { Link, useLocation } from "react-router-dom";
import { withParams } from "../../lib/search-params";
import { URL_KEYS, type useWorkspace } from "./use-workspace";

type WorkspaceState = ReturnType<typeof useWorkspace>;

/**
 * A link naming a workspace or channel this person cannot see (or that does not exist): said
 * plainly, with the nearest view they can open (same page and filters, a workspace they have),
 * never a silent swap that would pass one studio's numbers off as another's.
 */
export function UnknownLinkNotice({ workspace }: { workspace: WorkspaceState }) {
  const { pathname, search } = useLocation();
  const { unknown, workspaceId, channelId, workspaces, channels } = workspace;
  if (!unknown) return null;
  const what = unknown.workspaceId !== undefined ? "workspace" : "channel";
  const id = unknown.workspaceId ?? unknown.channelId;
  const name = workspaces.data?.find((w) => w.id === workspaceId)?.name;
  const channel = channels.data?.find((c) => c.id === channelId)?.name;
  const nearest = workspaceId
    ? `${pathname}?${withParams(new URLSearchParams(search), { [URL_KEYS.workspace]: workspaceId, [URL_KEYS.channel]: channelId, page: undefined, drill: undefined })}`
    : undefined;
  return (
    <section className="panel" aria-labelledby="unknown-link-heading">
      <h1 id="unknown-link-heading">This link names a {what} you can't see or that doesn't exist</h1>
      <p>
        The link asks for {what} <code>{id}</code>. It is not among the workspaces and channels shared with you, so
        nothing from it is shown here. It may have been removed, renamed, or never shared with you; whoever sent the
        link can tell you which.
      </p>
      {nearest && name && (
        <p>
          <Link className="button" to={nearest}>
            Open {name}
            {channel ? ` · ${channel}` : ""} instead
          </Link>
        </p>
      )}
    </section>
  );
}
