import { z } from "zod";
import {
  DAY_MS,
  GRANULARITIES,
  ID_MAX_LENGTH,
  MESSAGE_KINDS,
  MESSAGES_LIMIT_MAX,
  MESSAGES_LIMIT_MIN,
  USERS_LIMIT_MAX,
  USERS_LIMIT_MIN,
} from "./assumptions";
import { AUDIT_ACTION_NAMES } from "./dashboard-api";
import { ID_PATTERN, isLabelValue } from "./ids";
import { parseApiInstant, resolveWindow, type ApiInstant } from "./dates";
import { parseCalendarDay, UPCOMING_MAX_DAYS } from "./upcoming-birthdays";
import { isPlannedWindow, type TrendWindow } from "./trend-windows";

/**
 * Query-parameter rules of every upstream route (API.md), shared by the proxy (which checks
 * before it forwards) and the simulator (which answers 400 exactly as the upstream would).
 * Each failure becomes a custom issue carrying a Joi-style `type` and `context`, so it maps
 * one-to-one onto the upstream's `{ error: [ { message, path, type, context } ] }` entries.
 */

type Ctx = z.core.$RefinementCtx;

/** Marks a failed check: the issue is already on `ctx`, and the transform must stop there. */
const FAILED = Symbol("failed");
type Checked<T> = T | typeof FAILED;

function fail(ctx: Ctx, type: string, message: string, context: Record<string, unknown> = {}): typeof FAILED {
  ctx.addIssue({ code: "custom", message, params: { type, context } });
  return FAILED;
}

/**
 * Characters no parameter may carry: C0 controls and DEL, U+FFFD (what malformed UTF-8
 * percent-encoding decodes to) and unpaired surrogates (not encodable as UTF-8 at all).
 */
// oxlint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** One value per parameter (query strings can repeat a key, which we refuse), of safe characters. */
function single(name: string, raw: unknown, ctx: Ctx): Checked<string> {
  if (raw === undefined) return fail(ctx, "any.required", `"${name}" is required`, { key: name });
  if (typeof raw !== "string") return fail(ctx, "any.single", `"${name}" must be given once, as text`, { key: name });
  if (UNSAFE_CHARACTERS.test(raw)) {
    return fail(ctx, "string.invalidCharacters", `"${name}" contains control characters or malformed UTF-8`, { key: name });
  }
  return raw;
}

/** A parameter whose check reads one string; `z.NEVER` ends the transform after a failure. */
function param<T>(name: string, check: (value: string, ctx: Ctx) => Checked<T>) {
  return z.unknown().transform((raw, ctx): T => {
    const value = single(name, raw, ctx);
    const result = value === FAILED ? FAILED : check(value, ctx);
    return result === FAILED ? z.NEVER : result;
  });
}


function idParam(name: string) {
  return param(name, (value, ctx) => {
    if (value === "") return fail(ctx, "string.empty", `"${name}" must not be empty`, { key: name });
    if (value.length > ID_MAX_LENGTH) {
      return fail(ctx, "string.max", `"${name}" must be at most ${ID_MAX_LENGTH} characters`, {
        key: name,
        limit: ID_MAX_LENGTH,
      });
    }
    if (!ID_PATTERN.test(value)) {
      return fail(ctx, "string.pattern.base", `"${name}" contains characters an id cannot have`, { key: name });
    }
    return value;
  });
}

function wholeNumberParam(name: string, min: number, max: number) {
  return param(name, (value, ctx) => {
    const context = { key: name, value, limit: { min, max } };
    if (!/^-?\d+$/.test(value)) {
      return fail(ctx, "number.base", `"${name}" must be a whole number (got "${value}")`, context);
    }
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
      return fail(ctx, n < min ? "number.min" : "number.max", `"${name}" must be ${range} (got ${value})`, context);
    }
    return n;
  });
}

const intParam = (name: string, min: number, max: number) => wholeNumberParam(name, min, max).optional();

function enumParam<const T extends readonly string[]>(name: string, values: T) {
  return param(name, (value, ctx) => {
    if ((values as readonly string[]).includes(value)) return value as T[number];
    const list = values.map((v) => `"${v}"`).join(", ");
    return fail(ctx, "any.only", `"${name}" must be one of ${list} (got "${value}")`, { key: name, value, valids: values });
  }).optional();
}

function labelParam(name: string) {
  return param(name, (value, ctx) => {
    if (isLabelValue(value)) return value;
    return fail(ctx, "string.pattern.base", `"${name}" must be a label value or custom label id`, { key: name });
  }).optional();
}

export interface DateParam extends ApiInstant {
  raw: string;
}

function dateParam(name: string) {
  return param(name, (value, ctx): Checked<DateParam> => {
    const parsed = parseApiInstant(value);
    if (!parsed) {
      return fail(
        ctx,
        "date.format",
        `"${name}" must be an ISO date (2026-06-01) or a date-time with a zone (2026-06-01T10:00:00Z); got "${value}"`,
        { key: name, value },
      );
    }
    return { ...parsed, raw: value };
  });
}

/** A calendar day, `YYYY-MM-DD` (no time, no zone): a birthday list's first day. */
function calendarDayParam(name: string) {
  return param(name, (value, ctx) => {
    if (parseCalendarDay(value) !== undefined) return value;
    return fail(ctx, "date.format", `"${name}" must be a calendar day like 2026-12-20; got "${value}"`, { key: name, value });
  });
}

/** from/to pair: the cross-field rules run only when both bounds parsed. */
function withWindow<T extends { from: DateParam; to: DateParam }>(value: T, ctx: Ctx) {
  const window = resolveWindow(value.from, value.to);
  if ("param" in window) {
    ctx.addIssue({
      code: "custom",
      path: [window.param],
      message: window.message,
      params: { type: window.type, context: { key: window.param } },
    });
  }
}

const gate = { workspaceId: idParam("workspaceId"), mediumId: idParam("mediumId") };
const birthdayFilters = {
  hasBirthday: enumParam("hasBirthday", ["true"] as const),
  birthdayMonth: intParam("birthdayMonth", 1, 12),
};
const messageFilters = {
  from: dateParam("from"),
  to: dateParam("to"),
  label: labelParam("label"),
  contentType: enumParam("contentType", MESSAGE_KINDS),
};

export const emptyQuerySchema = z.strictObject({});

export const vipUsersQuerySchema = z.strictObject({
  ...gate,
  ...birthdayFilters,
  limit: intParam("limit", USERS_LIMIT_MIN, USERS_LIMIT_MAX),
  offset: intParam("offset", 0, Number.MAX_SAFE_INTEGER),
});

export const vipUsersExportQuerySchema = z.strictObject({ ...gate, ...birthdayFilters });

export const vipMessagesQuerySchema = z
  .strictObject({
    ...gate,
    ...messageFilters,
    limit: intParam("limit", MESSAGES_LIMIT_MIN, MESSAGES_LIMIT_MAX),
    before: intParam("before", 0, Number.MAX_SAFE_INTEGER),
  })
  .superRefine(withWindow);

export const vipMessagesExportQuerySchema = z.strictObject({ ...gate, ...messageFilters }).superRefine(withWindow);

export const labelOverviewQuerySchema = z
  .strictObject({
    ...gate,
    from: dateParam("from"),
    to: dateParam("to"),
    granularity: enumParam("granularity", GRANULARITIES),
  })
  .superRefine(withWindow);

/**
 * The dashboard's own route GET /api/label-trends/window: one window a long trend's plan makes
 * (contract/trend-windows.ts), as calendar days, `to` inclusive like the overview's date-only `to`.
 */
export const trendWindowQuerySchema = z
  .strictObject({
    ...gate,
    from: calendarDayParam("from"),
    to: calendarDayParam("to"),
    granularity: enumParam("granularity", ["day", "week"] as const),
  })
  .superRefine((value, ctx) => {
    const window = trendWindowOf(value);
    if (!window) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `"from" and "to" must be one window of a trend's plan: days of one calendar month (by day) or of one four-week block (by week)`,
        params: { type: "trend.window", context: { key: "to" } },
      });
    }
  });

/** The window a trend-window query names, or undefined when no plan would make it. */
export function trendWindowOf(q: { from: string; to: string; granularity?: "day" | "week" | undefined }): TrendWindow | undefined {
  const fromMs = parseCalendarDay(q.from);
  const lastMs = parseCalendarDay(q.to);
  if (fromMs === undefined || lastMs === undefined) return undefined;
  const granularity = q.granularity ?? "day";
  const toMs = lastMs + DAY_MS;
  for (const whole of [true, false]) {
    const window: TrendWindow = { fromMs, toMs, granularity, whole };
    if (isPlannedWindow(window)) return window;
  }
  return undefined;
}

/** The dashboard's own route GET /api/birthdays/upcoming (and its export): a range of calendar days. */
export const upcomingBirthdaysQuerySchema = z.strictObject({
  ...gate,
  from: calendarDayParam("from"),
  days: wholeNumberParam("days", 1, UPCOMING_MAX_DAYS),
});

/**
 * The list route also takes `firstPage=true`: each birthday month's first page only, a preview
 * the page shows while the whole list loads. Within a day the vendor's order stays, so what a
 * preview shows is the top of each day's full list (it marks itself `scan.preview`).
 */
export const upcomingBirthdaysListQuerySchema = upcomingBirthdaysQuerySchema.extend({
  firstPage: enumParam("firstPage", ["true"] as const),
});

/** A form's empty field is an unset filter. */
const blankAsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

/** GET /api/audit and /api/audit/export: person (part of an e-mail), action, workspace, UTC days (inclusive), paging. */
export const auditQuerySchema = z.strictObject({
  actor: blankAsUnset(
    param("actor", (value, ctx) => (value.length <= 200 ? value : fail(ctx, "string.max", `"actor" must be at most 200 characters`, { key: "actor", limit: 200 }))).optional(),
  ),
  action: blankAsUnset(enumParam("action", AUDIT_ACTION_NAMES)),
  workspaceId: blankAsUnset(idParam("workspaceId").optional()),
  from: blankAsUnset(calendarDayParam("from").optional()),
  to: blankAsUnset(calendarDayParam("to").optional()),
  limit: blankAsUnset(intParam("limit", 1, 200)),
  offset: blankAsUnset(intParam("offset", 0, 1_000_000)),
});

/** GET /api/downloads/{id}: one option, the byte order mark for Excel (on unless bom=0). */
export const downloadQuerySchema = z.strictObject({ bom: enumParam("bom", ["0", "1"] as const) });

export type AuditQueryParams = z.output<typeof auditQuerySchema>;
export type DownloadQuery = z.output<typeof downloadQuerySchema>;
export type VipUsersQuery = z.output<typeof vipUsersQuerySchema>;
export type VipUsersExportQuery = z.output<typeof vipUsersExportQuerySchema>;
export type VipMessagesQuery = z.output<typeof vipMessagesQuerySchema>;
export type VipMessagesExportQuery = z.output<typeof vipMessagesExportQuerySchema>;
export type LabelOverviewQuery = z.output<typeof labelOverviewQuerySchema>;
export type UpcomingBirthdaysQuery = z.output<typeof upcomingBirthdaysQuerySchema>;
export type UpcomingBirthdaysListQuery = z.output<typeof upcomingBirthdaysListQuerySchema>;
