import type { Channel, Workspace } from "#contract/responses";
import type { AccessGuard } from "./access-guard";
import type { Viewer } from "../identity/principal";

/**
 * The workspace and channel lists as one viewer may see them: only granted workspaces, and
 * only channels connected to one of them (listing only those connections), so the names of
 * other workspaces' channels do not leak either.
 */
export function narrowCatalog(access: AccessGuard) {
  return {
    workspaces(body: unknown, viewer: Viewer) {
      const answer = body as { items: Workspace[] };
      return { ...answer, items: answer.items.filter((w) => access.sees(viewer, w.id)) };
    },
    channels(body: unknown, viewer: Viewer) {
      const answer = body as { items: Channel[] };
      const items = answer.items
        .map((c) => ({ ...c, workspaceIds: c.workspaceIds.filter((id) => access.sees(viewer, id)) }))
        .filter((c) => c.workspaceIds.length > 0);
      return { ...answer, items };
    },
  };
}
