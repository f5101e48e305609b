import { sql } from "kysely";
import { isRoleName, roleRank, type RoleName } from "#contract/access";
import { grantChangeProblem, type Grant, type GrantActor, type GrantChange, type GrantLike } from "#contract/grants";
import type { AppDb } from "../db/schema";
import { isUuid } from "../db/uuid";
import type { AccessPolicy } from "./policy";


/** Records a change in the same transaction (the audit row commits with it). */
export type RecordChange = (trx: AppDb, grant: Grant | undefined, before: Grant | undefined) => Promise<void>;

/** A change made (with the row before it), or why not. */
export type GrantOutcome =
  | { ok: true; grant: Grant | undefined; before: Grant | undefined }
  | { ok: false; status: 404 | 409; message: string };

type Row = { id: string; email: string | null; group_name: string | null; workspace_id: string; role: string; changed_by: string; changed_at: Date };

const asRole = (value: string): RoleName => (isRoleName(value) ? value : "viewer");

const toGrant = (r: Row): Grant => ({
  id: r.id,
  email: r.email,
  group: r.group_name,
  workspaceId: r.workspace_id,
  role: asRole(r.role),
  source: "database",
  changedBy: r.changed_by,
  changedAt: new Date(r.changed_at).toISOString(),
});

/** The policy file's grants as the Access view lists them: read-only, with stable ids. */
export function policyGrants(policy: AccessPolicy | undefined): Grant[] {
  return (policy?.grants ?? []).map((g, index) => ({
    id: `policy-${index + 1}`,
    email: g.email?.toLowerCase() ?? null,
    group: g.group ?? null,
    workspaceId: g.workspace,
    role: g.role,
    source: "policy",
    changedBy: null,
    changedAt: null,
  }));
}

/**
 * Grants made in the dashboard, in the application database (shared by every instance), beside
 * the policy file's. Every change runs in one transaction that locks the table, reads every
 * grant in force and checks the contract's rules (last admin, own role) against them, so two
 * admins changing grants at once on two instances cannot together leave a workspace with none.
 */
export function createGrantStore(db: AppDb, policy: AccessPolicy | undefined) {
  const fromPolicy = policyGrants(policy);
  const columns = ["id", "email", "group_name", "workspace_id", "role", "changed_by", "changed_at"] as const;

  const listDb = async (trx: AppDb = db): Promise<Grant[]> =>
    ((await trx.selectFrom("access_grants").select(columns).orderBy("workspace_id").orderBy("email").orderBy("group_name").execute()) as Row[]).map(toGrant);

  /** Inside a transaction holding the table: every grant in force, then the change, checked. */
  async function changing(record: RecordChange, run: (trx: AppDb, inForce: Grant[]) => Promise<GrantOutcome>): Promise<GrantOutcome> {
    return db.transaction().execute(async (trx) => {
      await sql`lock table access_grants in share row exclusive mode`.execute(trx);
      const outcome = await run(trx, [...fromPolicy, ...(await listDb(trx))]);
      // Recorded only when something changed (a role set to what it was, or a grant already given, is not a change).
      if (outcome.ok && outcome.grant !== outcome.before) await record(trx, outcome.grant, outcome.before);
      return outcome;
    });
  }

  const refusal = (inForce: Grant[], change: GrantChange, actor: GrantActor): GrantOutcome | undefined => {
    const problem = grantChangeProblem(inForce, change, actor);
    return problem ? { ok: false, status: 409, message: problem } : undefined;
  };

  const readOnly = (): GrantOutcome => ({
    ok: false,
    status: 409,
    message: "This grant comes from the policy file (ACCESS_POLICY) and is changed there, not in the page.",
  });

  async function insert(trx: AppDb, grant: GrantLike, by: string): Promise<Grant> {
    const row = await trx
      .insertInto("access_grants")
      .values({ email: grant.email, group_name: grant.group, workspace_id: grant.workspaceId, role: grant.role, changed_by: by })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toGrant(row as Row);
  }

  async function setRole(trx: AppDb, id: string, role: RoleName, by: string): Promise<Grant> {
    const row = await trx.updateTable("access_grants").set({ role, changed_by: by, changed_at: new Date() }).where("id", "=", id).returning(columns).executeTakeFirstOrThrow();
    return toGrant(row as Row);
  }

  return {
    /** Every grant in force: the policy file's first, then the database's. */
    async all(): Promise<Grant[]> {
      return [...fromPolicy, ...(await listDb())];
    },

    /** The database's grants that apply to a person (by lower-cased e-mail or a group), for each request. */
    async forPerson(person: GrantActor): Promise<GrantLike[]> {
      const email = person.email?.toLowerCase();
      if (!email && person.groups.length === 0) return [];
      const rows = await db
        .selectFrom("access_grants")
        .select(["email", "group_name", "workspace_id", "role"])
        .where((eb) => {
          const either = [];
          if (email) either.push(eb("email", "=", email));
          if (person.groups.length > 0) either.push(eb("group_name", "in", person.groups));
          return eb.or(either);
        })
        .execute();
      return rows.map((r) => ({ email: r.email, group: r.group_name, workspaceId: r.workspace_id, role: asRole(r.role) }));
    },

    async get(id: string): Promise<Grant | undefined> {
      if (id.startsWith("policy-")) return fromPolicy.find((g) => g.id === id);
      if (!isUuid(id)) return undefined;
      const row = await db.selectFrom("access_grants").select(columns).where("id", "=", id).executeTakeFirst();
      return row ? toGrant(row as Row) : undefined;
    },

    create(grant: GrantLike, actor: GrantActor, by: string, record: RecordChange): Promise<GrantOutcome> {
      return changing(record, async (trx, inForce) => {
        const change: GrantChange = { kind: "create", grant };
        // The same person and workspace already in the database: that is a change of its role.
        const existing = inForce.find((g) => g.source === "database" && g.email === grant.email && g.group === grant.group && g.workspaceId === grant.workspaceId);
        if (existing) {
          return { ok: false, status: 409, message: `${grant.email ?? `Group ${grant.group}`} already has ${existing.role} here: change that grant's role instead.` };
        }
        const refused = refusal(inForce, change, actor);
        if (refused) return refused;
        return { ok: true, grant: await insert(trx, grant, by), before: undefined };
      });
    },

    /**
     * At least `role` for a person in a workspace (a request granted): a new grant, a raised
     * one, or nothing when a grant in force already gives as much.
     */
    ensure(grant: GrantLike, actor: GrantActor, by: string, record: RecordChange): Promise<GrantOutcome> {
      return changing(record, async (trx, inForce) => {
        const same = inForce.filter((g) => g.email === grant.email && g.group === grant.group && g.workspaceId === grant.workspaceId);
        if (same.some((g) => roleRank(g.role) >= roleRank(grant.role))) return { ok: true, grant: undefined, before: undefined };
        const existing = same.find((g) => g.source === "database");
        const change: GrantChange = existing ? { kind: "change", before: existing, role: grant.role } : { kind: "create", grant };
        const refused = refusal(inForce, change, actor);
        if (refused) return refused;
        return existing ? { ok: true, grant: await setRole(trx, existing.id, grant.role, by), before: existing } : { ok: true, grant: await insert(trx, grant, by), before: undefined };
      });
    },

    changeRole(id: string, role: RoleName, actor: GrantActor, by: string, record: RecordChange): Promise<GrantOutcome> {
      return changing(record, async (trx, inForce) => {
        const before = inForce.find((g) => g.id === id);
        if (!before) return { ok: false, status: 404, message: "There is no such grant (it may have been revoked)." };
        if (before.source === "policy") return readOnly();
        if (before.role === role) return { ok: true, grant: before, before };
        const refused = refusal(inForce, { kind: "change", before, role }, actor);
        if (refused) return refused;
        return { ok: true, grant: await setRole(trx, id, role, by), before };
      });
    },

    revoke(id: string, actor: GrantActor, record: RecordChange): Promise<GrantOutcome> {
      return changing(record, async (trx, inForce) => {
        const before = inForce.find((g) => g.id === id);
        if (!before) return { ok: false, status: 404, message: "There is no such grant (it may have been revoked already)." };
        if (before.source === "policy") return readOnly();
        const refused = refusal(inForce, { kind: "revoke", before }, actor);
        if (refused) return refused;
        await trx.deleteFrom("access_grants").where("id", "=", id).execute();
        return { ok: true, grant: undefined, before };
      });
    },
  };
}

export type GrantStore = ReturnType<typeof createGrantStore>;
