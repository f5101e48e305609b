import type { RoleName } from "./access";
import type { OwnAccessRequest } from "./grants";
import type { VipUser } from "./responses";
import type { BirthdayOccurrence } from "./upcoming-birthdays";

/**
 * What the dashboard server adds on top of the Dynamo API's shapes: the export answer (a
 * same-origin download link instead of the Storage URL) and the health check.
 * Shared by the server, which produces them, and the SPA, which reads them.
 */
export interface ExportAnswer {
  totalCount: number;
  /** Same-origin path that streams the CSV: `/api/downloads/<signed token>`. */
  downloadUrl: string;
  filename: string;
  /** When the link (and the Storage URL behind it) stops working. */
  expiresAt: string;
}

export interface HealthAnswer {
  status: "ok";
  mode: "demo" | "live";
  uptimeSeconds: number;
}

/** GET /api/ready: may a load balancer send traffic here? 200 when every check passes, else 503. */
export interface ReadyAnswer {
  ready: boolean;
  checks: { draining: boolean; database: "ok" | "failing"; upstream: "ok" | "failing" };
}


/** GET /api/session: who is signed in (if anyone) and what they may do, for the SPA to adapt. */
export interface SessionAnswer {
  /** "none": local mode on a loopback address, no sign-in. */
  mode: "none" | "oidc" | "proxy";
  signedIn: boolean;
  /** Groups as the sign-in gives them: what group grants match (the Access view checks its own-role rule with them). */
  user: { email: string | null; name: string | null; groups: string[] } | null;
  access: { everywhere: RoleName | null; workspaces: Record<string, RoleName> };
  /** Who grants access, for "ask … for access". */
  contact: string;
  /** Where the browser goes to sign in (with ?returnTo=), or null when the dashboard has no sign-in page. */
  signInUrl: string | null;
  /** A POST here signs out, or null. */
  signOutUrl: string | null;
  /** Where a conversation opens in Dynamo: a URL with `{conversationId}` to fill in; null when not configured. */
  conversationUrl: string | null;
  /** No SMTP_URL: e-mail notifications land in the dashboard's own outbox (GET /api/mailbox). */
  builtInOutbox: boolean;
  /** The person's own requests for access of the last 30 days (pending, or answered and not yet dismissed). */
  accessRequests: OwnAccessRequest[];
}

/** The body of 401 answers: the session is missing or over. */
export interface SignInRequired {
  message: string;
  signInUrl: string | null;
}

export const AUDIT_ACTION_NAMES = [
  "sign_in",
  "sign_out",
  "access_denied",
  "export_created",
  "download_started",
  "download_served",
  "personal_data_viewed",
  "audit_exported",
  "notification_sent",
  "event_created",
  "event_updated",
  "event_deleted",
  "grant_created",
  "grant_changed",
  "grant_revoked",
  "access_requested",
  "access_request_decided",
] as const;
export type AuditActionName = (typeof AUDIT_ACTION_NAMES)[number];

export interface AuditEntry {
  at: string;
  actor: string;
  action: AuditActionName;
  workspaceId: string | null;
  channelId: string | null;
  details: Record<string, unknown>;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  limit: number;
  offset: number;
}

/** One player in an upcoming-birthdays list: the day it falls on in the range, and who. */
export interface UpcomingBirthday extends BirthdayOccurrence {
  user: VipUser;
}

/** GET /api/birthdays/upcoming: whose birthday falls on `days` calendar days from `from`. */
export interface UpcomingBirthdays {
  from: string;
  /** The range's last day (inclusive). */
  to: string;
  days: number;
  /** By day, then in the vendor's order within the month (highest lifetime value first). */
  items: UpcomingBirthday[];
  /** How the list was made: each birthday month read page by page. */
  scan: {
    months: { month: number; players: number; pages: number; complete: boolean }[];
    /** Pages read, and how many of them cost a call to the Dynamo API (the rest were cached). */
    pages: number;
    upstreamCalls: number;
    /** False when a month could not be read to its end: the list may miss birthdays. */
    complete: boolean;
    /**
     * Asked for as a preview (`firstPage=true`): each month's first page only. When such a month
     * has more pages, `complete` is false because of the preview, not the Dynamo API.
     */
    preview?: boolean;
  };
}
