import { EVERY_WORKSPACE } from "#contract/access";

/** Workspace names for the Access view: "Every workspace" for "*", the id for one it cannot name. */
export interface WorkspaceNames {
  of(id: string): string;
  ids(): string[];
  map: ReadonlyMap<string, string>;
}

export function workspaceNames(workspaces: readonly { id: string; name: string }[]): WorkspaceNames {
  const map = new Map(workspaces.map((w) => [w.id, w.name]));
  return {
    of: (id) => (id === EVERY_WORKSPACE ? "Every workspace" : (map.get(id) ?? id)),
    ids: () => [...map.keys()],
    map,
  };
}
