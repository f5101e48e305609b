import { ROLE_NAMES, type RoleName, type SessionAnswer } from "#contract/dashboard-api";

/**
 * What the signed-in person may do in one workspace, as the server will decide it (the
 * server's check is the one that counts; the SPA only hides what would be refused).
 */
export interface Permissions {
  role: RoleName | null;
  overview: boolean;
  personalData: boolean;
  export: boolean;
  /** Admin of any workspace: the audit view (scoped by the server). */
  audit: boolean;
  /** Who grants access, for "ask … for access". */
  contact: string;
}

const rank = (role: RoleName | null | undefined) => (role ? ROLE_NAMES.indexOf(role) : -1);

export function roleIn(session: SessionAnswer, workspaceId: string | undefined): RoleName | null {
  const here = workspaceId ? session.access.workspaces[workspaceId] : undefined;
  const everywhere = session.access.everywhere;
  return rank(here) >= rank(everywhere) ? (here ?? null) : everywhere;
}

export function permissionsIn(session: SessionAnswer, workspaceId: string | undefined): Permissions {
  const role = roleIn(session, workspaceId);
  const atLeast = (needed: RoleName) => rank(role) >= rank(needed);
  const anyAdmin = session.access.everywhere === "admin" || Object.values(session.access.workspaces).includes("admin");
  return {
    role,
    overview: atLeast("viewer"),
    personalData: atLeast("analyst"),
    export: atLeast("exporter"),
    audit: anyAdmin,
    contact: session.contact,
  };
}

/** Whether the person has any grant at all. */
export const hasAnyGrant = (session: SessionAnswer) =>
  session.access.everywhere !== null || Object.keys(session.access.workspaces).length > 0;
