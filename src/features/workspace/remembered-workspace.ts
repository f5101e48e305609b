/** The last workspace/channel a manager picked, so the dashboard opens where they left it. */
// The key predates the name "workspace choice"; changing it would forget every saved choice.
const KEY = "dynamo-dashboard.selection";

export interface WorkspaceChoice {
  workspaceId: string;
  channelId: string;
}

export function readRemembered(): Partial<WorkspaceChoice> {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? "{}") as Partial<WorkspaceChoice>;
    return typeof value === "object" && value ? value : {};
  } catch {
    return {};
  }
}

export function remember(choice: WorkspaceChoice): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(choice));
  } catch {
    // Private mode or a full quota: remembering is a convenience, not a requirement.
  }
}
