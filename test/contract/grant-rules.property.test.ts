import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLE_NAMES, roleRank } from "#contract/access";
import { grantChangeProblem, roleFrom, type GrantChange, type GrantLike } from "#contract/grants";

const WORKSPACES = ["*", "ws_a", "ws_b"] as const;
const PEOPLE = ["ada@x.test", "bo@x.test", "cy@x.test"] as const;
const GROUPS = ["leads", "support"] as const;

const grantArb: fc.Arbitrary<GrantLike> = fc.record({
  subject: fc.oneof(fc.constantFrom(...PEOPLE).map((email) => ({ email, group: null })), fc.constantFrom(...GROUPS).map((group) => ({ email: null, group }))),
  workspaceId: fc.constantFrom(...WORKSPACES),
  role: fc.constantFrom(...ROLE_NAMES),
}).map(({ subject, workspaceId, role }) => ({ ...subject, workspaceId, role }));

const actorArb = fc.record({ email: fc.constantFrom<string | null>(...PEOPLE, null), groups: fc.subarray([...GROUPS]) });

/** A world of grants, and a change to one of them (or a new one). */
const worldArb = fc.array(grantArb, { maxLength: 8 }).chain((grants) =>
  fc.tuple(
    fc.constant(grants),
    grants.length === 0
      ? grantArb.map((grant): GrantChange => ({ kind: "create", grant }))
      : fc.oneof(
          grantArb.map((grant): GrantChange => ({ kind: "create", grant })),
          fc.tuple(fc.constantFrom(...grants), fc.constantFrom(...ROLE_NAMES)).map(([before, role]): GrantChange => ({ kind: "change", before, role })),
          fc.constantFrom(...grants).map((before): GrantChange => ({ kind: "revoke", before })),
        ),
    actorArb,
  ),
);

function applied(grants: GrantLike[], change: GrantChange): GrantLike[] {
  if (change.kind === "create") return [...grants, change.grant];
  const index = grants.indexOf(change.before);
  const rest = [...grants.slice(0, index), ...grants.slice(index + 1)];
  return change.kind === "change" ? [...rest, { ...change.before, role: change.role }] : rest;
}

const hasAdmin = (grants: GrantLike[], workspaceId: string) => grants.some((g) => g.role === "admin" && (g.workspaceId === "*" || g.workspaceId === workspaceId));

describe("the rules every change of grants keeps", () => {
  it("an accepted change leaves every workspace that had an admin with one, and \"*\" too", () => {
    fc.assert(
      fc.property(worldArb, ([grants, change, actor]) => {
        const next = applied(grants, change);
        const accepted = grantChangeProblem(grants, change, actor) === undefined;
        const lostAdmin = WORKSPACES.some((w) => hasAdmin(grants, w) && !hasAdmin(next, w));
        expect(accepted && lostAdmin).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("nobody raises their own role", () => {
    fc.assert(
      fc.property(worldArb, ([grants, change, actor]) => {
        const next = applied(grants, change);
        const raised = WORKSPACES.some((w) => roleRank(roleFrom(next, actor, w)) > roleRank(roleFrom(grants, actor, w)));
        const accepted = grantChangeProblem(grants, change, actor) === undefined;
        expect(accepted && raised).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("refuses with a reason a person can act on", () => {
    const only: GrantLike = { email: "ada@x.test", group: null, workspaceId: "ws_a", role: "admin" };
    const names = new Map([["ws_a", "Aurora Games"]]);
    expect(grantChangeProblem([only], { kind: "revoke", before: only }, { email: "bo@x.test", groups: [] }, names)).toBe(
      "This is the last admin of Aurora Games and cannot be removed: make someone else an admin there first, so someone can still grant access.",
    );
    const viewer: GrantLike = { email: "bo@x.test", group: null, workspaceId: "ws_a", role: "viewer" };
    expect(grantChangeProblem([only, viewer], { kind: "change", before: viewer, role: "analyst" }, { email: "bo@x.test", groups: [] }, names)).toBe(
      "You cannot raise your own role (viewer in Aurora Games): ask another admin.",
    );
    // Lowering oneself is allowed while another admin remains.
    const other: GrantLike = { email: "cy@x.test", group: null, workspaceId: "*", role: "admin" };
    expect(grantChangeProblem([only, other], { kind: "change", before: only, role: "viewer" }, { email: "ada@x.test", groups: [] })).toBeUndefined();
  });
});
