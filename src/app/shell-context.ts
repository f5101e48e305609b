import { useOutletContext } from "react-router-dom";

/** What the shell hands its routes: the resolved workspace and channel (undefined while loading). */
export interface ShellContext {
  workspaceId: string | undefined;
  channelId: string | undefined;
  workspaceError: boolean;
}

export const useShell = () => useOutletContext<ShellContext>();
