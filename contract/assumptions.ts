/**
 * Every point API.md marks [assumed] (or fixes a number the vendor's pages leave open) lives
 * here, once, so a correction from the vendor is a one-line change. Each constant names the
 * API.md point it encodes.
 */

/** Authentication: x-date is accepted from 60 s behind the upstream's clock to 5 s ahead of it. */
export const FRESHNESS_PAST_MS = 60_000;
export const FRESHNESS_FUTURE_MS = 5_000;

/** GET /vip-users `limit`: 1..500, default 50; `offset` >= 0, default 0. */
export const USERS_LIMIT_MIN = 1;
export const USERS_LIMIT_MAX = 500;
export const USERS_LIMIT_DEFAULT = 50;

/** GET /vip-messages `limit`: 1..200, default 50. */
export const MESSAGES_LIMIT_MIN = 1;
export const MESSAGES_LIMIT_MAX = 200;
export const MESSAGES_LIMIT_DEFAULT = 50;

/** Message windows and the label overview are capped at 31 x 24 h. */
export const MAX_WINDOW_DAYS = 31;
export const DAY_MS = 86_400_000;
export const MAX_WINDOW_MS = MAX_WINDOW_DAYS * DAY_MS;

/** Overview granularity: `day` (default) or `week`; weeks start Monday 00:00 UTC. */
export const GRANULARITIES = ["day", "week"] as const;
export const DEFAULT_GRANULARITY = "day";

/** The four message kinds (`kind` in rows, `contentType` in queries). */
export const MESSAGE_KINDS = ["text", "postback", "attachment", "other"] as const;

/** Export CSVs join `labels` and `customLabelIds` cells with this separator. */
export const CSV_LIST_SEPARATOR = "|";

/** The Storage `csvUrl` of an export is valid for 15 minutes after the export answers. */
export const CSV_URL_TTL_MS = 15 * 60_000;

/**
 * The users scan stops counting after this many user documents, answering `scanCapped: true`
 * with `total` as a lower bound. The vendor does not publish the number; the simulator uses it
 * and the dashboard never relies on it (it reads `scanCapped`).
 */
export const USERS_SCAN_CAP = 10_000;

/** Bounds we put on free-form identifiers before they reach the upstream (not on the pages). */
export const ID_MAX_LENGTH = 128;
export const LABEL_MAX_LENGTH = 128;
