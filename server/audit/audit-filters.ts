import { VENDOR_CHANNEL_PARAM } from "#contract/channel-scope";

/**
 * The filters of a request as the audit log keeps them: its validated parameters (the pipeline
 * refused repeated and unknown ones) minus the workspace and channel (their own columns).
 * Parameters are filters, windows, paging and label ids; no parameter of any route carries a
 * name, a birthday or a message text.
 */
export function auditFilters(validated: URLSearchParams): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [key, value] of validated) {
    if (key !== "workspaceId" && key !== VENDOR_CHANNEL_PARAM) filters[key] = value;
  }
  return filters;
}
