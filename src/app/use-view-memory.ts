import { useState } from "react";
import { URL_KEYS } from "../features/workspace/use-workspace";

const VIEWS = new Set(["users", "birthdays", "labels", "messages", "audit"]);

/**
 * Each view's last state (its query string), so the navigation goes back to the filters,
 * page and window a person left rather than to a fresh view. State stays in the URL: the link
 * is simply the one the view last had. Only for the same workspace and channel: another
 * workspace's filters would name things that are not there.
 */
export function useViewMemory(pathname: string, search: string, workspaceId: string | undefined, channelId: string | undefined) {
  const [memory, setMemory] = useState<Readonly<Record<string, string>>>({});
  const view = pathname.split("/")[1] ?? "";
  // Remembered as the location changes (React's "state from the previous render" pattern).
  if (VIEWS.has(view) && memory[view] !== search) setMemory({ ...memory, [view]: search });

  /** The query string for a link to `target`: its last state, or `fallback`. */
  return (target: string, fallback: string): string => {
    const remembered = memory[target];
    if (!remembered) return fallback;
    const params = new URLSearchParams(remembered);
    const same = params.get(URL_KEYS.workspace) === (workspaceId ?? null) && params.get(URL_KEYS.channel) === (channelId ?? null);
    return same ? remembered : fallback;
  };
}
