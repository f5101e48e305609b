/**
 * The filters of a request as the audit log keeps them: the parameters minus the workspace and
 * channel (their own columns). Parameters are filters, windows, paging and label ids; no
 * parameter of any route carries a name, a birthday or a message text.
 */
export function auditFilters(input: Record<string, unknown>): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key !== "workspaceId" && key !== "mediumId" && typeof value === "string") filters[key] = value;
  }
  return filters;
}
