import type { AuditActionName, AuditEntry } from "#contract/dashboard-api";
import { formatCount } from "../../lib/format/numbers";

export const ACTION_WORDS: Record<AuditActionName, string> = {
  sign_in: "Signed in",
  sign_out: "Signed out",
  access_denied: "Was refused access",
  export_created: "Created an export",
  download_served: "Downloaded an export",
  personal_data_viewed: "Viewed a personal-data list",
  audit_exported: "Downloaded the audit log",
};

const describeFilters = (filters: unknown) =>
  filters && typeof filters === "object"
    ? Object.entries(filters as Record<string, unknown>)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(", ")
    : "";

/** One line of what the row says, from its details: route, filters, rows, bytes. */
export function describeDetails(entry: AuditEntry): string {
  const d = entry.details;
  const parts: string[] = [];
  if (typeof d.route === "string") parts.push(d.route);
  const filters = describeFilters(d.filters);
  if (filters) parts.push(filters);
  if (typeof d.rowCount === "number") parts.push(`${formatCount(d.rowCount)} rows`);
  if (typeof d.filename === "string") parts.push(d.filename);
  if (typeof d.bytes === "number") parts.push(`${formatCount(d.bytes)} bytes${d.complete === false ? ", cut off" : ""}`);
  if (typeof d.requiredRole === "string") parts.push(`needs ${d.requiredRole}`);
  if (typeof d.method === "string") parts.push(d.method);
  return parts.join(" · ");
}
