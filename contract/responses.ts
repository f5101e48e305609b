import { z } from "zod";
import { GRANULARITIES, MESSAGE_KINDS } from "./assumptions";
import { BIRTHDAY_PATTERN, parseBirthday } from "./birthday";

/**
 * Response schemas of the Dynamo External API (API.md). Objects are loose: fields the vendor
 * adds later are kept and forwarded, never stripped, so the proxy keeps working as the API grows.
 */

/** Timestamps are epoch ms; unknown is missing, null or 0 (API.md, [assumed]). */
const optionalTimestamp = z.number().nonnegative().nullable().optional();

export const workspaceSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  vip: z.boolean(),
});
export const workspacesResponseSchema = z.looseObject({ items: z.array(workspaceSchema) });

export const channelSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  platform: z.string(),
  workspaceIds: z.array(z.string()),
});
export const channelsResponseSchema = z.looseObject({ items: z.array(channelSchema) });

export { BIRTHDAY_PATTERN, parseBirthday };

export const vipUserSchema = z.looseObject({
  conversationId: z.string(),
  userName: z.string().nullable().optional(),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  cuid: z.string().nullable().optional(),
  profilePic: z.string().nullable().optional(),
  birthday: z.string().regex(BIRTHDAY_PATTERN).nullable().optional(),
  lastPurchaseTimestamp: optionalTimestamp,
  lastUserMessageTimestamp: optionalTimestamp,
  lastAppOpenTimestamp: optionalTimestamp,
});

export const vipUsersPageSchema = z.looseObject({
  items: z.array(vipUserSchema),
  returned: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  mayHaveMore: z.boolean(),
  nextOffset: z.number().int().nonnegative().nullable(),
  scanCapped: z.boolean(),
});

export const messageKindSchema = z.enum(MESSAGE_KINDS);

export const vipMessageSchema = z.looseObject({
  timestamp: z.number().nonnegative(),
  date: z.string(),
  conversationId: z.string(),
  userName: z.string().nullable().optional(),
  kind: messageKindSchema,
  source: z.string().nullable().optional(),
  labels: z.array(z.string()),
  customLabelIds: z.array(z.string()),
  text: z.string().nullable().optional(),
});

/** `nextCursor` is an epoch-ms timestamp as a string; null when there is no next page. */
export const vipMessagesPageSchema = z.looseObject({
  items: z.array(vipMessageSchema),
  returned: z.number().int().nonnegative(),
  mayHaveMore: z.boolean(),
  nextCursor: z.string().regex(/^\d+$/).nullable(),
});

export const exportResponseSchema = z.looseObject({
  totalCount: z.number().int().nonnegative(),
  csvUrl: z.url(),
});

export const granularitySchema = z.enum(GRANULARITIES);

export const overviewLabelSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  custom: z.boolean(),
});
export const overviewRowSchema = z.looseObject({
  bucket: z.string(),
  label: z.string(),
  count: z.number().int().nonnegative(),
  uniqueConversations: z.number().int().nonnegative(),
});
export const activityRowSchema = z.looseObject({
  bucket: z.string(),
  count: z.number().int().nonnegative(),
  uniqueConversations: z.number().int().nonnegative(),
});
export const labelOverviewSchema = z.looseObject({
  granularity: granularitySchema,
  from: z.string(),
  to: z.string(),
  buckets: z.array(z.string()),
  labels: z.array(overviewLabelSchema),
  rows: z.array(overviewRowSchema),
  activity: z.array(activityRowSchema),
});

export const validationIssueSchema = z.looseObject({
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  type: z.string(),
  context: z.record(z.string(), z.unknown()).optional(),
});
export const validationErrorBodySchema = z.looseObject({ error: z.array(validationIssueSchema) });
export const messageErrorBodySchema = z.looseObject({ message: z.string() });

export type Workspace = z.infer<typeof workspaceSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type VipUser = z.infer<typeof vipUserSchema>;
export type VipUsersPage = z.infer<typeof vipUsersPageSchema>;
export type MessageKind = z.infer<typeof messageKindSchema>;
export type VipMessage = z.infer<typeof vipMessageSchema>;
export type VipMessagesPage = z.infer<typeof vipMessagesPageSchema>;
export type ExportResponse = z.infer<typeof exportResponseSchema>;
export type Granularity = z.infer<typeof granularitySchema>;
export type OverviewLabel = z.infer<typeof overviewLabelSchema>;
export type OverviewRow = z.infer<typeof overviewRowSchema>;
export type ActivityRow = z.infer<typeof activityRowSchema>;
export type LabelOverview = z.infer<typeof labelOverviewSchema>;
export type ValidationIssue = z.infer<typeof validationIssueSchema>;
export type ValidationErrorBody = z.infer<typeof validationErrorBodySchema>;
