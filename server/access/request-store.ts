import { sql, type Selectable } from "kysely";
import { isRoleName, type RoleName } from "#contract/access";
import type { AccessRequestInput } from "#contract/grant-schemas";
import { ACCESS_REQUEST_STATUSES, type AccessRequest, type AccessRequestStatus, type OwnAccessRequest } from "#contract/grants";
import type { AccessRequestsTable, AppDb } from "../db/schema";
import { isUuid } from "../db/uuid";
import type { Principal } from "../identity/principal";

/** How long an answered request is shown to the requester (and listed as recent to admins). */
const ANSWER_SHOWN_DAYS = 30;
/** Pending requests one person may have at once (asking again updates one; this bounds the rest). */
export const PENDING_PER_PERSON_MAX = 10;
/** The most requests one answer lists: pending ones first. */
export const REQUESTS_LIST_MAX = 200;

const columns = [
  "id",
  "subject",
  "email",
  "name",
  "workspace_id",
  "role",
  "note",
  "status",
  "decided_by",
  "decided_at",
  "granted_role",
  "granted_workspace_id",
  "created_at",
] as const;
/** A row of those columns, typed as the table defines them. */
type Row = Pick<Selectable<AccessRequestsTable>, (typeof columns)[number]>;

const asRole = (v: string | null): RoleName | null => (isRoleName(v) ? v : null);
const asStatus = (v: string): AccessRequestStatus => ((ACCESS_REQUEST_STATUSES as readonly string[]).includes(v) ? (v as AccessRequestStatus) : "pending");
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export interface StoredRequest extends AccessRequest {
  subject: string;
  email: string | null;
}

const toRequest = (r: Row): StoredRequest => ({
  id: r.id,
  subject: r.subject,
  email: r.email,
  requester: r.email ?? r.subject,
  name: r.name,
  hasEmail: r.email !== null,
  workspaceId: r.workspace_id,
  role: asRole(r.role) ?? "viewer",
  note: r.note,
  status: asStatus(r.status),
  createdAt: new Date(r.created_at).toISOString(),
  decidedBy: r.decided_by,
  decidedAt: iso(r.decided_at),
  grantedRole: asRole(r.granted_role),
  grantedWorkspaceId: r.granted_workspace_id,
});

/**
 * Requests for access: a refused person asks (with an optional note), admins see the pending
 * ones of their workspaces (and every admin those that name none: a newcomer knows no
 * workspace), and a decision answers the request once. One pending request per person and
 * workspace: asking again updates it.
 */
export function createRequestStore(db: AppDb) {
  return {
    /** Undefined when the person already has as many requests waiting as they may. */
    async ask(principal: Principal, input: AccessRequestInput): Promise<{ request: StoredRequest; created: boolean } | undefined> {
      const values = { role: input.role, note: input.note ? input.note : null, email: principal.email?.toLowerCase() ?? null, name: principal.name };
      const pendingHere = (trx: AppDb) =>
        trx
          .selectFrom("access_requests")
          .select(columns)
          .where("subject", "=", principal.subject)
          .where("status", "=", "pending")
          .where(sql<boolean>`coalesce(workspace_id, '') = ${input.workspaceId ?? ""}`);
      const once = () =>
        db.transaction().execute(async (trx) => {
          const existing = await pendingHere(trx).forUpdate().executeTakeFirst();
          if (existing) {
            const row = await trx.updateTable("access_requests").set(values).where("id", "=", existing.id).returning(columns).executeTakeFirstOrThrow();
            return { request: toRequest(row as Row), created: false };
          }
          const waiting = await trx
            .selectFrom("access_requests")
            .select((eb) => eb.fn.countAll<string>().as("n"))
            .where("subject", "=", principal.subject)
            .where("status", "=", "pending")
            .executeTakeFirstOrThrow();
          if (Number(waiting.n) >= PENDING_PER_PERSON_MAX) return undefined;
          const row = await trx
            .insertInto("access_requests")
            .values({ ...values, subject: principal.subject, workspace_id: input.workspaceId ?? null })
            .returning(columns)
            .executeTakeFirstOrThrow();
          return { request: toRequest(row as Row), created: true };
        });
      try {
        return await once();
      } catch (error) {
        // Two tabs asking at once: the unique pending index let one in; the other updates it.
        if ((error as { code?: string }).code === "23505") return once();
        throw error;
      }
    },

    async get(id: string): Promise<StoredRequest | undefined> {
      if (!isUuid(id)) return undefined;
      const row = await db.selectFrom("access_requests").select(columns).where("id", "=", id).executeTakeFirst();
      return row ? toRequest(row as Row) : undefined;
    },

    /** For admins: pending (and, with "all", answered in the last 30 days), in `workspaces` or naming none; undefined: every workspace. */
    async list(workspaces: readonly string[] | undefined, status: "pending" | "all"): Promise<StoredRequest[]> {
      let query = db.selectFrom("access_requests").select(columns);
      if (workspaces !== undefined) {
        query = query.where((eb) => (workspaces.length > 0 ? eb.or([eb("workspace_id", "is", null), eb("workspace_id", "in", workspaces)]) : eb("workspace_id", "is", null)));
      }
      query =
        status === "pending"
          ? query.where("status", "=", "pending")
          : query.where((eb) => eb.or([eb("status", "=", "pending"), eb("decided_at", ">", new Date(Date.now() - ANSWER_SHOWN_DAYS * 86_400_000))]));
      const rows = await query
        .orderBy(sql`case when status = 'pending' then 0 else 1 end`)
        .orderBy("created_at", "desc")
        .limit(REQUESTS_LIST_MAX)
        .execute();
      return (rows as Row[]).map(toRequest);
    },

    /** Answers a pending request; undefined when it was answered already (by someone else, on any instance). */
    async decide(id: string, answer: { status: "granted" | "declined"; by: string; role?: RoleName; workspaceId?: string }): Promise<StoredRequest | undefined> {
      const row = await db
        .updateTable("access_requests")
        .set({ status: answer.status, decided_by: answer.by, decided_at: new Date(), granted_role: answer.role ?? null, granted_workspace_id: answer.workspaceId ?? null })
        .where("id", "=", id)
        .where("status", "=", "pending")
        .returning(columns)
        .executeTakeFirst();
      return row ? toRequest(row as Row) : undefined;
    },

    /** Requests waiting that an admin of the workspace answers (theirs, and those naming none). */
    async pendingCount(workspaceId: string): Promise<number> {
      const row = await db
        .selectFrom("access_requests")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("status", "=", "pending")
        .where((eb) => eb.or([eb("workspace_id", "is", null), eb("workspace_id", "=", workspaceId)]))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** The person's own requests: pending, or answered in the last 30 days and not put away. */
    async own(subject: string): Promise<OwnAccessRequest[]> {
      const rows = await db
        .selectFrom("access_requests")
        .select(["id", "workspace_id", "role", "status", "created_at", "decided_at", "granted_role", "granted_workspace_id"])
        .where("subject", "=", subject)
        .where("dismissed_at", "is", null)
        .where((eb) => eb.or([eb("status", "=", "pending"), eb("decided_at", ">", new Date(Date.now() - ANSWER_SHOWN_DAYS * 86_400_000))]))
        .orderBy("created_at", "desc")
        .limit(20)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        workspaceId: r.workspace_id,
        role: asRole(r.role) ?? "viewer",
        status: asStatus(r.status),
        createdAt: new Date(r.created_at).toISOString(),
        decidedAt: iso(r.decided_at),
        grantedRole: asRole(r.granted_role),
        grantedWorkspaceId: r.granted_workspace_id,
      }));
    },

    /** The requester puts an answer away; false when it is not theirs or not answered. */
    async dismiss(id: string, subject: string): Promise<boolean> {
      if (!isUuid(id)) return false;
      const result = await db
        .updateTable("access_requests")
        .set({ dismissed_at: new Date() })
        .where("id", "=", id)
        .where("subject", "=", subject)
        .where("status", "<>", "pending")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

export type RequestStore = ReturnType<typeof createRequestStore>;
