import { allows, roleRank, type RoleName } from "#contract/access";
import type { SessionAnswer } from "#contract/dashboard-api";

/**
 * What the signed-in person may do in one workspace, from the contract's capability table, as
 * the server will decide it (the server's check is the one that counts; the SPA only hides what
 * would be refused).
 */
export interface Permissions {
  role: RoleName | null;
  overview: boolean;
  personalData: boolean;
  export: boolean;
  /** Add, change and delete the team's events (analyst and up). */
  events: boolean;
  /** Admin of any workspace: the audit view (scoped by the server). */
  audit: boolean;
  /** Admin of any workspace: the Access view (grants and requests of the workspaces one administers). */
  access: boolean;
  /** Who grants access, for "ask … for access". */
  contact: string;
}

export function roleIn(session: SessionAnswer, workspaceId: string | undefined): RoleName | null {
  const here = workspaceId ? session.access.workspaces[workspaceId] : undefined;
  const everywhere = session.access.everywhere;
  return roleRank(here) >= roleRank(everywhere) ? (here ?? null) : everywhere;
}

export function permissionsIn(session: SessionAnswer, workspaceId: string | undefined): Permissions {
  const role = roleIn(session, workspaceId);
  // The audit view is open to an admin of any workspace, as the server's route is.
  const roles = [session.access.everywhere, ...Object.values(session.access.workspaces)];
  const anyAdmin = roles.some((r) => allows(r, "audit"));
  return {
    role,
    overview: allows(role, "overview"),
    personalData: allows(role, "personal-data"),
    export: allows(role, "export"),
    events: allows(role, "events"),
    audit: anyAdmin,
    access: roles.some((r) => allows(r, "access")),
    contact: session.contact,
  };
}

/** Whether the person has any grant at all. */
export const hasAnyGrant = (session: SessionAnswer) =>
  session.access.everywhere !== null || Object.keys(session.access.workspaces).length > 0;
