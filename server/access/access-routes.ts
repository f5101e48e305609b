import type { Response } from "express";
import { allows, EVERY_WORKSPACE, roleRank } from "#contract/access";
import type { AccessDecision, AccessRequestInput, GrantInput, GrantPatch } from "#contract/grant-schemas";
import type { Grant, GrantsAnswer } from "#contract/grants";
import type { AuditLog } from "../audit/audit-log";
import type { ApiHandler } from "../http/api-handler";
import { actorOf, type Viewer } from "../identity/principal";
import type { AccessGuard } from "./access-guard";
import type { GrantOutcome, GrantStore, RecordChange } from "./grant-store";
import { roleIn } from "./policy";
import { PENDING_PER_PERSON_MAX, type RequestStore, type StoredRequest } from "./request-store";

export interface AccessRouteDeps {
  grants: GrantStore;
  requests: RequestStore;
  access: AccessGuard;
  audit: AuditLog;
  /** Who grants access (ACCESS_CONTACT), for the messages. */
  contact: string;
}

/** Whom a grant is for, as the audit log and messages name them. */
const granteeOf = (g: { email: string | null; group: string | null }) => g.email ?? `group ${g.group}`;
/** The audit row's workspace: none for "*" (only admins of every workspace read those rows). */
const auditWorkspace = (workspaceId: string) => (workspaceId === EVERY_WORKSPACE ? undefined : workspaceId);

/**
 * The Access view's API: grants (the policy file's, read-only, and the database's), and
 * requests for access. An admin manages the workspaces they are admin of; an admin of every
 * workspace also manages "*" grants. Every change is audited: who changed whose role, from
 * what to what. A request's note is the requester's own words: shown to admins, never audited.
 */
export function createAccessRoutes(deps: AccessRouteDeps) {
  /** Workspaces the viewer administers; undefined: every workspace (an admin of "*"). */
  function administered(viewer: Viewer): string[] | undefined {
    if (viewer.grants.get(EVERY_WORKSPACE) === "admin") return undefined;
    return [...viewer.grants.keys()].filter((id) => id !== EVERY_WORKSPACE && allows(roleIn(viewer.grants, id), "access"));
  }
  const manages = (viewer: Viewer, workspaceId: string) => deps.access.permits(viewer, "access", workspaceId);
  const actor = (viewer: Viewer) => ({ email: viewer.principal.email, groups: viewer.principal.groups });

  function answer(res: Response, outcome: Extract<GrantOutcome, { ok: false }>) {
    res.status(outcome.status).json({ message: outcome.message });
  }

  /** The grant, when the viewer may change it; otherwise answered (404 when they cannot see it, 403 when only see it). */
  async function changeable(res: Response, viewer: Viewer, id: string | undefined): Promise<Grant | undefined> {
    const grant = id ? await deps.grants.get(id) : undefined;
    const sees = grant && (grant.workspaceId === EVERY_WORKSPACE || administered(viewer) === undefined || manages(viewer, grant.workspaceId));
    if (!grant || !sees) {
      res.status(404).json({ message: "There is no such grant (it may have been revoked)." });
      return undefined;
    }
    if (!manages(viewer, grant.workspaceId)) {
      await deps.access.refuse(res, viewer, "access", grant.workspaceId);
      return undefined;
    }
    return grant;
  }

  /** The audit row of a grant's change, written in the change's own transaction. */
  const recording =
    (viewer: Viewer, extra: Record<string, unknown> = {}): RecordChange =>
    (trx, grant, before) => {
      const subject = (grant ?? before)!;
      const action = !grant ? "grant_revoked" : before ? "grant_changed" : "grant_created";
      return deps.audit.recordWithin(trx, {
        actor: actorOf(viewer.principal),
        action,
        workspaceId: auditWorkspace(subject.workspaceId),
        details: {
          grantId: subject.id,
          grantee: granteeOf(subject),
          workspace: subject.workspaceId,
          role: grant ? grant.role : "none",
          ...(before ? { before: before.role } : {}),
          ...extra,
        },
      });
    };

  const listGrants: ApiHandler = async (_req, res, { viewer }) => {
    const scope = administered(viewer);
    const all = await deps.grants.all();
    const items = scope === undefined ? all : all.filter((g) => g.workspaceId === EVERY_WORKSPACE || scope.includes(g.workspaceId));
    const body: GrantsAnswer = { items, manageable: scope ?? [EVERY_WORKSPACE] };
    res.json(body);
  };

  const createGrant: ApiHandler = async (_req, res, { viewer, query }) => {
    // The pipeline checked that the viewer administers `workspaceId` ("*": every workspace).
    const input = query as GrantInput;
    const grant = { email: input.email ?? null, group: input.group ?? null, workspaceId: input.workspaceId, role: input.role };
    const outcome = await deps.grants.create(grant, actor(viewer), actorOf(viewer.principal), recording(viewer));
    if (!outcome.ok) return answer(res, outcome);
    res.status(201).json({ grant: outcome.grant });
  };

  const patchGrant: ApiHandler = async (_req, res, { viewer, query, param }) => {
    const grant = await changeable(res, viewer, param);
    if (!grant) return;
    const outcome = await deps.grants.changeRole(grant.id, (query as GrantPatch).role, actor(viewer), actorOf(viewer.principal), recording(viewer));
    if (!outcome.ok) return answer(res, outcome);
    res.json({ grant: outcome.grant });
  };

  const revokeGrant: ApiHandler = async (_req, res, { viewer, param }) => {
    const grant = await changeable(res, viewer, param);
    if (!grant) return;
    const outcome = await deps.grants.revoke(grant.id, actor(viewer), recording(viewer));
    if (!outcome.ok) return answer(res, outcome);
    res.status(204).end();
  };

  /** What admins read of a request: everything but the requester's subject. */
  const shown = ({ subject: _subject, email: _email, ...request }: StoredRequest) => request;

  const listRequests: ApiHandler = async (_req, res, { viewer, query }) => {
    const items = await deps.requests.list(administered(viewer), (query as { status: "pending" | "all" }).status);
    res.json({ items: items.map(shown) });
  };

  const ask: ApiHandler = async (_req, res, { viewer, query }) => {
    const input = query as AccessRequestInput;
    if (input.workspaceId !== undefined) {
      const current = roleIn(viewer.grants, input.workspaceId);
      if (current && roleRank(current) >= roleRank(input.role)) {
        return void res.status(409).json({ message: `You already have the ${current} role in ${input.workspaceId}. Reload the page to use it.` });
      }
    }
    const asked = await deps.requests.ask(viewer.principal, input);
    if (!asked) {
      return void res.status(409).json({ message: `You have ${PENDING_PER_PERSON_MAX} requests waiting already: an admin answers them in the dashboard, or ask ${deps.contact}.` });
    }
    const { request, created } = asked;
    await deps.audit.record({
      actor: actorOf(viewer.principal),
      action: "access_requested",
      workspaceId: input.workspaceId,
      details: { requestId: request.id, asked: input.role, ...(input.workspaceId ? { workspace: input.workspaceId } : {}), again: !created },
    });
    res.status(created ? 201 : 200).json({ request: { id: request.id, workspaceId: request.workspaceId, role: request.role, status: request.status, createdAt: request.createdAt, decidedAt: null, grantedRole: null, grantedWorkspaceId: null } });
  };

  const decide: ApiHandler = async (_req, res, { viewer, query, param }) => {
    const request = param ? await deps.requests.get(param) : undefined;
    const scope = administered(viewer);
    if (!request || (request.workspaceId !== null && scope !== undefined && !scope.includes(request.workspaceId))) {
      return void res.status(404).json({ message: "There is no such request (it may have been withdrawn)." });
    }
    if (request.status !== "pending") return void res.status(409).json({ message: `This request was already ${request.status} by ${request.decidedBy ?? "another admin"}.` });
    if (request.subject === viewer.principal.subject) return void res.status(409).json({ message: "Your own request is answered by another admin." });
    const decision = query as AccessDecision;
    const by = actorOf(viewer.principal);
    if (decision.decision === "decline") {
      const decided = await deps.requests.decide(request.id, { status: "declined", by });
      if (!decided) return void res.status(409).json({ message: "This request was answered by another admin meanwhile." });
      await deps.audit.recordNow({ actor: by, action: "access_request_decided", workspaceId: request.workspaceId ?? undefined, details: { requestId: request.id, decision: "declined", asked: request.role, ...(request.workspaceId ? { workspace: request.workspaceId } : {}) } });
      return void res.json({ request: shown(decided) });
    }
    const workspaceId = decision.workspaceId ?? request.workspaceId;
    if (!workspaceId) {
      return void res.status(400).json({ message: "Choose the workspace to grant: this request names none.", error: [{ message: '"workspaceId" is required: the request names no workspace', path: ["workspaceId"], type: "any.required", context: { key: "workspaceId" } }] });
    }
    if (!manages(viewer, workspaceId)) return deps.access.refuse(res, viewer, "access", workspaceId);
    if (!request.email) {
      return void res.status(409).json({ message: "This person's sign-in gives no e-mail address, so no grant can name them: grant one of their groups instead." });
    }
    const outcome = await deps.grants.ensure({ email: request.email, group: null, workspaceId, role: decision.role }, actor(viewer), by, recording(viewer, { requestId: request.id }));
    if (!outcome.ok) return answer(res, outcome);
    const decided = await deps.requests.decide(request.id, { status: "granted", by, role: decision.role, workspaceId });
    if (!decided) return void res.status(409).json({ message: "This request was answered by another admin meanwhile." });
    await deps.audit.recordNow({
      actor: by,
      action: "access_request_decided",
      workspaceId: auditWorkspace(workspaceId),
      details: { requestId: request.id, decision: "granted", grantee: request.email, role: decision.role, workspace: workspaceId },
    });
    res.json({ request: shown(decided) });
  };

  const dismiss: ApiHandler = async (_req, res, { viewer, param }) => {
    if (!param || !(await deps.requests.dismiss(param, viewer.principal.subject))) {
      return void res.status(404).json({ message: "There is no such answered request of yours." });
    }
    res.status(204).end();
  };

  return { listGrants, createGrant, patchGrant, revokeGrant, listRequests, ask, decide, dismiss };
}
