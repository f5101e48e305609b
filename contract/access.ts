/**
 * Roles and capabilities: which role each capability needs, and how roles combine. The one home
 * of these rules: the server's access guard decides with them, and the SPA shows exactly what
 * the server would allow (it hides nothing the server would permit, and offers nothing it would
 * refuse).
 */

/** Roles per workspace, lowest to highest; each includes the ones before it. */
export const ROLE_NAMES = ["viewer", "analyst", "exporter", "admin"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export type Capability =
  /** Label overview: counts, rates, totals; no names, no message texts. */
  | "overview"
  /** VIP users, birthdays and message lists: personal data. */
  | "personal-data"
  /** Creating CSV exports and downloading them. */
  | "export"
  /** The team's events on the charts: adding, editing and deleting them (everyone with "overview" sees them). */
  | "events"
  /** The audit log (of every workspace when granted on "*", else of one's own workspaces). */
  | "audit"
  /** Who has access: granting, changing and revoking roles, answering requests (where one is admin). */
  | "access";

export const CAPABILITY_ROLE: Readonly<Record<Capability, RoleName>> = {
  overview: "viewer",
  "personal-data": "analyst",
  export: "exporter",
  events: "analyst",
  audit: "admin",
  access: "admin",
};

/** What a person reads in a 403 or a locked view: the capability in words. */
export const CAPABILITY_WORDS: Readonly<Record<Capability, string>> = {
  overview: "see the label overview",
  "personal-data": "see VIP players and their messages",
  export: "export and download CSV files",
  events: "add, edit and delete the team's events",
  audit: "read the audit log",
  access: "grant, change and revoke access",
};

/** Whether a stored or sent value is one of the roles. */
export const isRoleName = (value: string | null | undefined): value is RoleName => (ROLE_NAMES as readonly (string | null | undefined)[]).includes(value);

/** A role's place in the order; no role is below every role. */
export const roleRank = (role: RoleName | null | undefined): number => (role ? ROLE_NAMES.indexOf(role) : -1);

export const allows = (role: RoleName | null | undefined, capability: Capability): boolean => roleRank(role) >= roleRank(CAPABILITY_ROLE[capability]);

export const higherRole = (a: RoleName | null | undefined, b: RoleName): RoleName => (roleRank(b) > roleRank(a) ? b : a!);

/** The "*" grant for every workspace. */
export const EVERY_WORKSPACE = "*";

/**
 * The role in one workspace from a person's grants (workspace id or "*" → role): its own grant
 * or the every-workspace grant, whichever is higher.
 */
export function roleInWorkspace(grants: { get(workspace: string): RoleName | undefined }, workspaceId: string): RoleName | undefined {
  const everywhere = grants.get(EVERY_WORKSPACE);
  const here = grants.get(workspaceId);
  if (!everywhere) return here;
  return here ? higherRole(here, everywhere) : everywhere;
}
