import type { RoleName } from "#contract/access";

/** Role per workspace id ("*" for every workspace) for one person. */
export type Grants = ReadonlyMap<string, RoleName>;

/** Who is asking: a signed-in person, or the local user of a loopback-only local mode. */
export interface Principal {
  /** Stable id from the identity provider (`sub`), or "local". */
  subject: string;
  email: string | null;
  name: string | null;
  groups: string[];
}

export interface Viewer {
  principal: Principal;
  grants: Grants;
}

export const LOCAL_PRINCIPAL: Principal = { subject: "local", email: null, name: "Local user", groups: [] };

/** The name the audit log records: the e-mail when known, else the subject. */
export const actorOf = (principal: Principal): string => principal.email ?? principal.subject;
