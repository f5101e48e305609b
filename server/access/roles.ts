/**
 * Roles and what each may do. Each role includes the ones before it; `admin` also reads the
 * audit log (of every workspace when granted on "*", else of its own workspaces).
 */
import { ROLE_NAMES, type RoleName } from "#contract/dashboard-api";

export const ROLES = ROLE_NAMES;
export type Role = RoleName;

export type Capability =
  /** Label overview: counts, rates, totals; no names, no message texts. */
  | "overview"
  /** VIP users table and message lists: personal data. */
  | "personal-data"
  /** Creating CSV exports and downloading them. */
  | "export"
  /** The audit log. */
  | "audit";

export const CAPABILITY_ROLE: Record<Capability, Role> = {
  overview: "viewer",
  "personal-data": "analyst",
  export: "exporter",
  audit: "admin",
};

export const roleRank = (role: Role): number => ROLES.indexOf(role);

export const allows = (role: Role | undefined, capability: Capability): boolean =>
  role !== undefined && roleRank(role) >= roleRank(CAPABILITY_ROLE[capability]);

export const higherRole = (a: Role | undefined, b: Role): Role => (a === undefined || roleRank(b) > roleRank(a) ? b : a);

/** What a person reads in a 403: the capability in words. */
export const CAPABILITY_WORDS: Record<Capability, string> = {
  overview: "see the label overview",
  "personal-data": "see VIP players and their messages",
  export: "export and download CSV files",
  audit: "read the audit log",
};
