import type { AuditActionName, AuditEntry } from "./dashboard-api";

/** What each audited action is, in words: the Audit view and its CSV say the same. */
export const AUDIT_ACTION_WORDS: Record<AuditActionName, string> = {
  sign_in: "Signed in",
  sign_out: "Signed out",
  access_denied: "Was refused access",
  export_created: "Created an export",
  download_started: "Started a download",
  download_served: "Downloaded an export",
  personal_data_viewed: "Viewed a personal-data list",
  audit_exported: "Downloaded the audit log",
  notification_sent: "Sent players' data in a notification",
  event_created: "Added an event",
  event_updated: "Changed an event",
  event_deleted: "Deleted an event",
  grant_created: "Granted access",
  grant_changed: "Changed someone's role",
  grant_revoked: "Revoked access",
  access_requested: "Asked for access",
  access_request_decided: "Answered a request for access",
};

/** The dashboard's routes as the pages people know them by (old rows keep their raw path). */
const ROUTE_WORDS: Record<string, string> = {
  "/api/vip-users": "VIP users list",
  "/api/vip-messages": "VIP messages",
  "/api/birthdays/upcoming": "Upcoming birthdays",
  "/api/vip-users/export": "VIP users export",
  "/api/vip-messages/export": "VIP messages export",
  "/api/birthdays/export": "Upcoming birthdays export",
  "/api/audit": "Audit log",
  "/api/audit/export": "Audit log export",
  "/api/grants": "Access",
  "/api/access-requests": "Access requests",
};

const CONTENT_KINDS: Record<string, string> = { text: "texts", postback: "button taps", attachment: "attachments", other: "other entries" };

type Count = (n: number) => string;

/** One filter in words; `undefined` for paging details that say nothing about what was seen. */
function filterWords(key: string, value: string, count: Count): string | undefined {
  switch (key) {
    case "hasBirthday":
      return value === "true" ? "with a birthday" : undefined;
    case "birthdayMonth":
      return `birthday month ${value}`;
    case "from":
      return `from ${value}`;
    case "to":
      return `to ${value}`;
    case "label":
      return `label ${value}`;
    case "contentType":
      return `only ${CONTENT_KINDS[value] ?? value}`;
    case "days":
      return `${value} days`;
    case "offset": {
      const n = Number(value);
      return Number.isInteger(n) && n > 0 ? `from row ${count(n + 1)}` : undefined;
    }
    case "limit":
    case "before":
    case "bom":
      return undefined;
    case "actor":
      return `person ${value}`;
    case "action":
      return `action "${AUDIT_ACTION_WORDS[value as AuditActionName] ?? value}"`;
    case "workspaceId":
      return `workspace ${value}`;
    default:
      return `${key} ${value}`;
  }
}

/**
 * One line of what an audit row says, in plain words, from its details: the page, the filters,
 * rows, bytes, the role a refusal needed. `count` formats numbers (the page's locale; plain
 * digits in the CSV).
 */
export function describeAuditDetails(details: AuditEntry["details"], count: Count = String): string {
  const parts: string[] = [];
  if (typeof details.route === "string") parts.push(ROUTE_WORDS[details.route] ?? details.route);
  if (details.filters && typeof details.filters === "object") {
    const words = Object.entries(details.filters as Record<string, unknown>)
      .map(([k, v]) => filterWords(k, String(v), count))
      .filter((w): w is string => Boolean(w));
    if (words.length) parts.push(words.join(", "));
  }
  if (typeof details.rowCount === "number") parts.push(`${count(details.rowCount)} rows`);
  if (typeof details.filename === "string") parts.push(details.filename);
  if (typeof details.rows === "number" && typeof details.bytes === "number") parts.push(`${count(details.rows)} rows`);
  if (typeof details.bytes === "number") parts.push(`${count(details.bytes)} bytes${details.complete === false ? ", cut off" : ""}`);
  if (typeof details.requiredRole === "string") parts.push(`needs ${details.requiredRole}`);
  if (typeof details.destination === "string") parts.push(`to ${details.destination}`);
  if (typeof details.players === "number") parts.push(`${count(details.players)} players named`);
  if (typeof details.grantee === "string") parts.push(grantWords(details));
  else if (typeof details.asked === "string") parts.push(`asked for ${details.asked}${typeof details.workspace === "string" ? ` in ${placeWords(details.workspace)}` : ""}`);
  if (details.decision === "declined") parts.push("declined");
  if (details.method === "oidc") parts.push("through the OpenID provider");
  else if (typeof details.method === "string") parts.push(details.method);
  return parts.join(" · ");
}

const placeWords = (workspace: string) => (workspace === "*" ? "every workspace" : workspace);

/** A grant's change: whose, where, from what to what ("ana@studio.com: viewer → analyst in ws_aurora"). */
function grantWords(details: AuditEntry["details"]): string {
  const role = typeof details.role === "string" ? details.role : "";
  const before = typeof details.before === "string" ? `${details.before} → ` : "";
  const place = typeof details.workspace === "string" ? ` in ${placeWords(details.workspace)}` : "";
  return `${String(details.grantee)}: ${before}${role}${place}`;
}
