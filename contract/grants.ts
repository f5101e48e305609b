import { EVERY_WORKSPACE, roleRank, type RoleName } from "./access";

/**
 * Grants managed in the dashboard (the Access view and /api/grants) and requests for access:
 * their shapes, and the rules every change must keep. The server refuses what these rules
 * refuse; the Access view uses the same functions to say so before anyone clicks. Zod-free, so
 * the pages read it without the validator's weight; the request bodies' schemas are in
 * grant-schemas.ts.
 */

export const GROUP_MAX = 100;
export const REQUEST_NOTE_MAX = 500;

/** Who a grant is for and where: the part the rules read. */
export interface GrantLike {
  email: string | null;
  group: string | null;
  workspaceId: string;
  role: RoleName;
}

/** A grant as the API lists it: from the policy file (read-only here) or from the database. */
export interface Grant extends GrantLike {
  id: string;
  source: "policy" | "database";
  /** Who made or last changed it (e-mail, else subject); null for the policy file's. */
  changedBy: string | null;
  changedAt: string | null;
}

export interface GrantsAnswer {
  items: Grant[];
  /** Where the viewer may grant: workspace ids, with "*" when they are an admin of every workspace. */
  manageable: string[];
}

export const ACCESS_REQUEST_STATUSES = ["pending", "granted", "declined"] as const;
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

export interface AccessRequest {
  id: string;
  /** Who asked: their e-mail (what a grant names), else their subject. */
  requester: string;
  name: string | null;
  hasEmail: boolean;
  workspaceId: string | null;
  role: RoleName;
  note: string | null;
  status: AccessRequestStatus;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  /** What was granted, when it was. */
  grantedRole: RoleName | null;
  grantedWorkspaceId: string | null;
}

/** The requester's own requests, in /api/session: what their next visit says. */
export type OwnAccessRequest = Pick<AccessRequest, "id" | "workspaceId" | "role" | "status" | "createdAt" | "decidedAt" | "grantedRole" | "grantedWorkspaceId">;

/** The person a change is made by. */
export interface GrantActor {
  email: string | null;
  groups: readonly string[];
}

export type GrantChange =
  | { kind: "create"; grant: GrantLike }
  | { kind: "change"; before: GrantLike; role: RoleName }
  | { kind: "revoke"; before: GrantLike };

const sameSubject = (a: GrantLike, b: GrantLike) => a.email === b.email && a.group === b.group;
const sameGrant = (a: GrantLike, b: GrantLike) => sameSubject(a, b) && a.workspaceId === b.workspaceId;

/** Whether a grant applies to a person: their e-mail (any case) or one of their groups. */
export const grantMatches = (grant: GrantLike, person: GrantActor): boolean =>
  grant.email !== null ? grant.email === person.email?.toLowerCase() : person.groups.includes(grant.group ?? "");

/** A person's role in a workspace (or in "*") from a list of grants: the highest that applies. */
export function roleFrom(grants: readonly GrantLike[], person: GrantActor, workspaceId: string): RoleName | undefined {
  let best: RoleName | undefined;
  for (const g of grants) {
    if (!grantMatches(g, person)) continue;
    if (g.workspaceId !== workspaceId && g.workspaceId !== EVERY_WORKSPACE) continue;
    if (roleRank(g.role) > roleRank(best)) best = g.role;
  }
  return best;
}

/** Whether someone can still grant in a workspace ("*": in every workspace). */
const hasAdmin = (grants: readonly GrantLike[], workspaceId: string) =>
  grants.some((g) => g.role === "admin" && (g.workspaceId === EVERY_WORKSPACE || g.workspaceId === workspaceId));

const where = (workspaceId: string, names: ReadonlyMap<string, string> | undefined) =>
  workspaceId === EVERY_WORKSPACE ? "every workspace" : (names?.get(workspaceId) ?? workspaceId);

function after(grants: readonly GrantLike[], change: GrantChange): GrantLike[] {
  if (change.kind === "create") return [...grants, change.grant];
  // The one row changed: itself when given, else the first equal one (a duplicate elsewhere, the policy file's, stays).
  let index = grants.indexOf(change.before);
  if (index < 0) index = grants.findIndex((g) => sameGrant(g, change.before) && g.role === change.before.role);
  const rest = index < 0 ? [...grants] : [...grants.slice(0, index), ...grants.slice(index + 1)];
  return change.kind === "change" ? [...rest, { ...change.before, role: change.role }] : rest;
}

/**
 * Why a change must not be made, or undefined when it may. `grants` is every grant in force
 * (the policy file's and the database's). The rules: nobody raises their own role; the last
 * admin of a workspace, and of every workspace ("*"), stays (a change that would leave nobody
 * able to grant there is refused); a grant the policy file already gives is not made again.
 */
export function grantChangeProblem(grants: readonly GrantLike[], change: GrantChange, actor: GrantActor, names?: ReadonlyMap<string, string>): string | undefined {
  const target = change.kind === "create" ? change.grant : { ...change.before, role: change.kind === "change" ? change.role : change.before.role };
  if (change.kind !== "revoke" && grantMatches(target, actor)) {
    const mine = roleFrom(grants, actor, target.workspaceId);
    if (roleRank(target.role) > roleRank(mine)) {
      return `You cannot raise your own role${mine ? ` (${mine} in ${where(target.workspaceId, names)})` : ""}: ask another admin.`;
    }
  }
  if (change.kind === "create") {
    const existing = grants.find((g) => sameGrant(g, change.grant) && roleRank(g.role) >= roleRank(change.grant.role));
    if (existing) return `${change.grant.email ?? `Group ${change.grant.group}`} already has ${existing.role} in ${where(change.grant.workspaceId, names)}.`;
  }
  const next = after(grants, change);
  const workspaces = new Set([EVERY_WORKSPACE, ...grants.map((g) => g.workspaceId)]);
  for (const workspaceId of workspaces) {
    if (hasAdmin(grants, workspaceId) && !hasAdmin(next, workspaceId)) {
      const verb = change.kind === "revoke" ? "removed" : "demoted";
      return workspaceId === EVERY_WORKSPACE
        ? `This is the last admin of every workspace and cannot be ${verb}: make someone else an admin of every workspace first, so someone can still grant access.`
        : `This is the last admin of ${where(workspaceId, names)} and cannot be ${verb}: make someone else an admin there first, so someone can still grant access.`;
    }
  }
  return undefined;
}

/** What a role lets someone do, in words, for the grant form's choice and its confirmation. */
export const ROLE_SUMMARY: Readonly<Record<RoleName, string>> = {
  viewer: "sees the label overview (counts and rates, no names)",
  analyst: "also sees VIP players, birthdays and messages (personal data), and adds the team's events",
  exporter: "also exports and downloads CSV files: players' personal data leaves the dashboard",
  admin: "also reads the audit log and grants, changes and revokes everyone's access",
};

/** Roles whose grant asks for a confirmation: personal data leaves the dashboard, or access is handed on. */
export const needsConfirmation = (r: RoleName): boolean => roleRank(r) >= roleRank("exporter");

/** "a viewer", "an analyst", "an exporter", "an admin". */
export const withArticle = (r: RoleName): string => (r === "viewer" ? "a viewer" : `an ${r}`);
