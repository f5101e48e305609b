import { z } from "zod";
import { isIdValue, isLabelValue } from "./ids";
import { ALERT_LABELS_MAX, BIRTHDAY_DAYS_MAX, DELIVERY_STATUSES, DESTINATION_TYPES, DIGEST_SECTIONS } from "./notifications";
import { isKnownTimeZone } from "./schedule";

/** The bodies and queries /api/subscriptions and /api/deliveries accept (the server's side of notifications.ts). */

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const wallTime = (name: string) => z.string({ error: `"${name}" must be a time like 09:00` }).regex(HH_MM, `"${name}" must be a time like 09:00 (24-hour)`);

const id = (name: string) =>
  z.string({ error: `"${name}" is required` }).refine(isIdValue, `"${name}" must be a workspace or channel id (no spaces or / ? # & % " ' < >)`);

const emailAddress = z
  .string({ error: '"to" must be an e-mail address' })
  .max(254, '"to" must be at most 254 characters')
  // One address, no display name and no header tricks: a local part, @, a dotted domain.
  .regex(/^[^\s@<>,;:"()[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/, '"to" must be one e-mail address like name@studio.com');

const destinationUrl = z.string({ error: '"url" is required' }).max(2000, '"url" must be at most 2,000 characters').refine((value) => URL.canParse(value), '"url" must be a full URL like https://hooks.slack.com/services/…');

export const destinationInputSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("email"), to: emailAddress }),
    z.strictObject({ type: z.enum(["slack", "discord", "webhook"]), url: destinationUrl }),
  ],
  { error: `"destination.type" must be one of ${DESTINATION_TYPES.map((t) => `"${t}"`).join(", ")}` },
);
export type DestinationInput = z.output<typeof destinationInputSchema>;

export const scheduleSchema = z
  .strictObject({
    every: z.enum(["day", "week"], { error: '"schedule.every" must be "day" or "week"' }),
    weekday: z.number().int().min(1, '"schedule.weekday" is 1 (Monday) to 7 (Sunday)').max(7, '"schedule.weekday" is 1 (Monday) to 7 (Sunday)').optional(),
    at: wallTime("schedule.at"),
    timeZone: z.string({ error: '"schedule.timeZone" is required' }).refine(isKnownTimeZone, '"schedule.timeZone" must be an IANA time zone like Europe/Berlin'),
  })
  .refine((s) => (s.every === "week") === (s.weekday !== undefined), { message: '"schedule.weekday" is needed for a weekly digest, and only for one', path: ["weekday"] });

const quietHoursSchema = z.strictObject({
    from: wallTime("quietHours.from"),
    to: wallTime("quietHours.to"),
    /** The zone quiet hours are read in (a digest's defaults to its schedule's). */
    timeZone: z.string().refine(isKnownTimeZone, '"quietHours.timeZone" must be an IANA time zone like Europe/Berlin').optional(),
  }).refine((q) => q.from !== q.to, { message: "Quiet hours must not start and end at the same time", path: ["to"] });

const labelsSchema = z.union([
  z.literal("all"),
  z
    .array(z.string().refine(isLabelValue, "Each label must be a label value or custom label id"))
    .min(1, '"labels" must name at least one label, or be "all"')
    .max(ALERT_LABELS_MAX, `"labels" can name at most ${ALERT_LABELS_MAX} labels`),
]);

const sectionsSchema = z
  .array(z.enum(DIGEST_SECTIONS, { error: `Each section is one of ${DIGEST_SECTIONS.map((s) => `"${s}"`).join(", ")}` }))
  .min(1, "A digest needs at least one section")
  .refine((list) => new Set(list).size === list.length, "Each section at most once");

/** The fields both kinds share, and those each adds; defaults are applied by the server. */
const common = {
  workspaceId: id("workspaceId"),
  mediumId: id("mediumId"),
  destination: destinationInputSchema,
  /** Created by an admin for the team rather than for themselves. */
  team: z.boolean().optional(),
  /** Names, birthdays and message texts may go out (analyst or above; to a shared destination, an admin's choice). */
  personalData: z.boolean().optional(),
  quietHours: quietHoursSchema.optional(),
  name: z.string().trim().min(1).max(100, '"name" must be at most 100 characters').optional(),
};

export const subscriptionInputSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("digest"),
      ...common,
      schedule: scheduleSchema,
      sections: sectionsSchema.optional(),
      birthdayDays: z.number().int().min(0).max(BIRTHDAY_DAYS_MAX, `"birthdayDays" is 0 (today only) to ${BIRTHDAY_DAYS_MAX}`).optional(),
      whenEmpty: z.enum(["skip", "send"], { error: '"whenEmpty" is "skip" or "send"' }).optional(),
    }),
    z.strictObject({
      kind: z.literal("alert"),
      ...common,
      labels: labelsSchema.optional(),
    }),
  ],
  { error: '"kind" must be "digest" or "alert"' },
);
export type Schedule = z.output<typeof scheduleSchema>;
export type SubscriptionInput = z.output<typeof subscriptionInputSchema>;

/** PATCH: pause or resume, and the settings that do not change what the subscription is about. */
export const subscriptionPatchSchema = z
  .strictObject({
    paused: z.boolean().optional(),
    name: common.name,
    schedule: scheduleSchema.optional(),
    sections: sectionsSchema.optional(),
    birthdayDays: z.number().int().min(0).max(BIRTHDAY_DAYS_MAX).optional(),
    whenEmpty: z.enum(["skip", "send"]).optional(),
    labels: labelsSchema.optional(),
    quietHours: quietHoursSchema.nullable().optional(),
    personalData: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, "Send at least one field to change");
export type SubscriptionPatch = z.output<typeof subscriptionPatchSchema>;

export const deliveriesQuerySchema = z.strictObject({
  subscription: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, '"subscription" must be a subscription id').optional(),
  status: z.enum(DELIVERY_STATUSES, { error: `"status" is one of ${DELIVERY_STATUSES.join(", ")}` }).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type DeliveriesQuery = z.output<typeof deliveriesQuerySchema>;
