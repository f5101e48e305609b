import { useOutletContext } from "react-router-dom";
import type { Permissions } from "../features/session/permissions";

/**
 * What the shell hands its routes: the resolved workspace and channel (undefined while
 * loading), and what the signed-in person may do in that workspace.
 */
export interface ShellContext {
  workspaceId: string | undefined;
  channelId: string | undefined;
  /** The workspace's name, for titles; undefined until the list has arrived. */
  workspaceName: string | undefined;
  workspaceError: boolean;
  permissions: Permissions;
}

export const useShell = () => useOutletContext<ShellContext>();
