import { higherRole } from "#contract/access";
import type { AuthMode } from "../auth-config";
import type { Grants, Principal } from "../identity/principal";
import type { GrantStore } from "./grant-store";
import { grantsFor, type AccessPolicy } from "./policy";

/** Local mode (loopback only): the one local user may do everything. */
export const LOCAL_GRANTS: Grants = new Map([["*", "admin"]]);

/**
 * A person's grants now: the policy file's and the database's (the higher role wins), read on
 * every request, so a grant or a revocation made on any instance counts at the next request.
 */
export function createGrantResolver(options: { auth: AuthMode; policy: AccessPolicy | undefined; store: GrantStore }) {
  return async (principal: Principal): Promise<Grants> => {
    if (options.auth.mode === "none") return LOCAL_GRANTS;
    const grants = new Map(options.policy ? grantsFor(options.policy, principal) : []);
    for (const grant of await options.store.forPerson(principal)) {
      grants.set(grant.workspaceId, higherRole(grants.get(grant.workspaceId), grant.role));
    }
    return grants;
  };
}

export type GrantResolver = ReturnType<typeof createGrantResolver>;
