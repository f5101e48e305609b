import { z } from "zod";
import { EVERY_WORKSPACE, ROLE_NAMES } from "./access";
import { GROUP_MAX, REQUEST_NOTE_MAX } from "./grants";
import { isIdValue } from "./ids";

/** The bodies /api/grants and /api/access-requests accept (the server's side of grants.ts). */

/** A workspace id, or "*" for every workspace. */
const workspaceOrEvery = z
  .string()
  .refine((v) => v === EVERY_WORKSPACE || isIdValue(v), '"workspaceId" must be a workspace id or "*" (every workspace)');
const role = z.enum(ROLE_NAMES, { error: `"role" must be one of ${ROLE_NAMES.join(", ")}` });
const email = z
  .email({ error: '"email" must be an e-mail address' })
  .max(254, '"email" must be at most 254 characters')
  .transform((v) => v.toLowerCase());
const group = z
  .string()
  .trim()
  .min(1, '"group" must not be empty')
  .max(GROUP_MAX, `"group" must be at most ${GROUP_MAX} characters`)
  .refine((v) => !/[\p{Cc}]/u.test(v), '"group" must not hold control characters');

/** POST /api/grants: one person (by e-mail) or one group, a workspace or "*", a role (least privilege: viewer). */
export const grantInputSchema = z
  .strictObject({ email: email.optional(), group: group.optional(), workspaceId: workspaceOrEvery, role: role.default("viewer") })
  .refine((g) => (g.email === undefined) !== (g.group === undefined), { message: 'give exactly one of "email" or "group"', path: ["email"] });
export type GrantInput = z.infer<typeof grantInputSchema>;

/** PATCH /api/grants/{id}: the role only (another person or workspace is another grant). */
export const grantPatchSchema = z.strictObject({ role });
export type GrantPatch = z.infer<typeof grantPatchSchema>;

/** POST /api/access-requests: where (when the person knows), the role a page said it needs, and a note. */
export const accessRequestInputSchema = z.strictObject({
  workspaceId: z.string().refine(isIdValue, '"workspaceId" must be a workspace id').optional(),
  role: role.default("viewer"),
  note: z.string().trim().max(REQUEST_NOTE_MAX, `"note" must be at most ${REQUEST_NOTE_MAX} characters`).optional(),
});
export type AccessRequestInput = z.infer<typeof accessRequestInputSchema>;

/** POST /api/access-requests/{id}/decision: grant (a role, least privilege by default, in a workspace) or decline. */
export const accessDecisionSchema = z
  .strictObject({ decision: z.enum(["grant", "decline"], { error: '"decision" must be grant or decline' }), role: role.default("viewer"), workspaceId: workspaceOrEvery.optional() })
  .refine((d) => d.decision === "grant" || d.workspaceId === undefined, { message: '"workspaceId" is only for a grant', path: ["workspaceId"] });
export type AccessDecision = z.infer<typeof accessDecisionSchema>;

export const accessRequestsQuerySchema = z.strictObject({
  status: z.enum(["pending", "all"], { error: '"status" must be pending or all' }).default("pending"),
});
