/** The last workspace/channel a manager picked, so the dashboard opens where they left it. */
const KEY = "dynamo-dashboard.selection";

export interface Selection {
  workspaceId: string;
  channelId: string;
}

export function readRemembered(): Partial<Selection> {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? "{}") as Partial<Selection>;
    return typeof value === "object" && value ? value : {};
  } catch {
    return {};
  }
}

export function remember(selection: Selection): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(selection));
  } catch {
    // Private mode or a full quota: remembering is a convenience, not a requirement.
  }
}
