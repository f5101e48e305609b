import { readFileSync } from "node:fs";
import { z } from "zod";
import { roleInWorkspace } from "#contract/access";
import type { Grants } from "../identity/principal";
import { higherRole, ROLES, type Role } from "./roles";

/**
 * The access policy file (ACCESS_POLICY): grants mapping people, by e-mail or group, to a role
 * in a workspace or in every workspace ("*"). An e-mail or a group matches; the highest role
 * wins.
 */
const grantSchema = z
  .strictObject({
    email: z.email().optional(),
    group: z.string().min(1).optional(),
    workspace: z.string().min(1),
    role: z.enum(ROLES),
  })
  .refine((g) => (g.email === undefined) !== (g.group === undefined), { message: "give exactly one of email or group" });

export const policySchema = z.strictObject({ grants: z.array(grantSchema) });
export type AccessPolicy = z.infer<typeof policySchema>;

export interface Identity {
  email: string | null;
  groups: readonly string[];
}

/** Role per workspace id ("*" for every workspace) for one person (the identity's own type). */
export type { Grants };

export function grantsFor(policy: AccessPolicy, identity: Identity): Grants {
  const email = identity.email?.toLowerCase();
  const grants = new Map<string, Role>();
  for (const grant of policy.grants) {
    const matches = grant.email !== undefined ? grant.email.toLowerCase() === email : identity.groups.includes(grant.group ?? "");
    if (matches) grants.set(grant.workspace, higherRole(grants.get(grant.workspace), grant.role));
  }
  return grants;
}

/** The role in one workspace: its own grant or the "*" grant, whichever is higher (the contract's rule). */
export const roleIn = (grants: Grants, workspaceId: string): Role | undefined => roleInWorkspace(grants, workspaceId);

/** Reads and validates the policy file; each problem names the file and the grant. */
export function loadAccessPolicy(path: string): { policy: AccessPolicy } | { problems: string[] } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return { problems: [`ACCESS_POLICY ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [`ACCESS_POLICY ${path} is not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = policySchema.safeParse(json);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => `ACCESS_POLICY ${path}: ${i.path.length ? i.path.join(".") : "the file"} ${i.message}`),
    };
  }
  return { policy: parsed.data };
}
