import type { Response } from "express";
import type { AuditLog } from "../audit/audit-log";
import { actorOf, type Viewer } from "../identity/principal";
import { roleIn } from "./policy";
import { allows, CAPABILITY_ROLE, CAPABILITY_WORDS, type Capability, type Role } from "./roles";

/** What a 403 says: which role is needed, and who to ask. */
export interface ForbiddenBody {
  message: string;
  requiredRole: Role;
  contact: string;
}

/**
 * The one place that decides whether a viewer may use a capability, in one workspace or (for
 * routes not tied to one) in any, and that refuses with a 403 and an audit row.
 */
export function createAccessGuard(options: { contact: string; audit: AuditLog }) {
  const roleFor = (viewer: Viewer, workspaceId: string) => roleIn(viewer.grants, workspaceId);
  const grantedWorkspaces = (viewer: Viewer) => [...viewer.grants.keys()];

  function permits(viewer: Viewer, capability: Capability, workspaceId: string | undefined): boolean {
    if (workspaceId !== undefined) return allows(roleFor(viewer, workspaceId), capability);
    return [...viewer.grants.values()].some((role) => allows(role, capability));
  }

  async function refuse(res: Response, viewer: Viewer, capability: Capability, workspaceId: string | undefined) {
    const requiredRole = CAPABILITY_ROLE[capability];
    const higher = requiredRole === "admin" ? "" : " (or higher)";
    const where = workspaceId !== undefined ? ` in workspace ${workspaceId}` : "";
    const current = workspaceId !== undefined ? roleFor(viewer, workspaceId) : undefined;
    const now = current ? ` Your role there is ${current}.` : "";
    const body: ForbiddenBody = {
      message: `You need the ${requiredRole} role${higher}${where} to ${CAPABILITY_WORDS[capability]}.${now} Ask ${options.contact} for access.`,
      requiredRole,
      contact: options.contact,
    };
    await options.audit.record({
      actor: actorOf(viewer.principal),
      action: "access_denied",
      workspaceId,
      details: { route: res.locals.route, capability, requiredRole },
    });
    res.status(403).json(body);
  }

  /** Workspaces whose rows an audit reader may see: undefined for an admin of every workspace. */
  function auditScope(viewer: Viewer): string[] | undefined {
    if (viewer.grants.get("*") === "admin") return undefined;
    return grantedWorkspaces(viewer).filter((id) => id !== "*" && roleFor(viewer, id) === "admin");
  }

  /** The viewer's role per workspace, for the SPA (which hides what a role cannot do). */
  function describe(viewer: Viewer): { everywhere: Role | null; workspaces: Record<string, Role> } {
    const workspaces: Record<string, Role> = {};
    for (const id of grantedWorkspaces(viewer)) if (id !== "*") workspaces[id] = roleFor(viewer, id) as Role;
    return { everywhere: viewer.grants.get("*") ?? null, workspaces };
  }

  /** Whether the viewer sees this workspace at all (any role). */
  const sees = (viewer: Viewer, workspaceId: string) => roleFor(viewer, workspaceId) !== undefined;

  return { permits, refuse, auditScope, describe, sees };
}

export type AccessGuard = ReturnType<typeof createAccessGuard>;
