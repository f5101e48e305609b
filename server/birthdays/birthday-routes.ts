import type { Response } from "express";
import { CSV_URL_TTL_MS } from "#contract/assumptions";
import type { UpcomingBirthdaysListQuery } from "#contract/query";
import { auditFilters } from "../audit/audit-filters";
import type { ApiHandler, RouteContext } from "../http/api-handler";
import { sendAnswer } from "../http/send-answer";
import { sendLargeJson } from "../http/send-large-json";
import type { IssueExportLink } from "../downloads/export-links";
import { birthdaysExportFilename } from "../downloads/filenames";
import type { UpstreamClient } from "../upstream/client";
import { buildUpcomingBirthdays, type BirthdayRange, type BuiltList } from "./upcoming-list";

export interface BirthdayRouteDeps {
  upstream: UpstreamClient;
  /** The export-link service (downloads/export-links): the link, its audit row, the answer. */
  issueLink: IssueExportLink;
  /** Records that a person saw players' data (deduplicated by the caller). */
  auditViewed: (ctx: RouteContext, route: string) => Promise<void>;
}

/** The parsed range (the route's schema requires the channel, so the scope is there); only the list's schema takes a preview. */
function rangeOf({ query, scope }: RouteContext): BirthdayRange {
  const { from, days, firstPage } = query as UpcomingBirthdaysListQuery;
  return { ...scope!, from, days, ...(firstPage === "true" ? { preview: true } : {}) };
}

/** Builds the list for the (parsed) range; answers the problem itself when there is one. */
async function buildFor(deps: BirthdayRouteDeps, q: BirthdayRange, res: Response): Promise<Extract<BuiltList, { ok: true }> | undefined> {
  const built = await buildUpcomingBirthdays(deps.upstream, q);
  if (!built.ok) {
    sendAnswer(res, built.answer);
    return undefined;
  }
  return built;
}

/**
 * GET /api/birthdays/upcoming (the list) and POST /api/birthdays/export (the same list as a
 * download link). Built here from the vendor's month filter, so the file is streamed by this
 * server rather than fetched from Storage.
 */
export function createBirthdayRoutes(deps: BirthdayRouteDeps) {
  const list: ApiHandler = async (req, res, ctx) => {
    const built = await buildFor(deps, rangeOf(ctx), res);
    if (!built) return;
    await deps.auditViewed(ctx, "/api/birthdays/upcoming");
    await sendLargeJson(req, res, built.list);
  };

  const createExport: ApiHandler = async (_req, res, ctx) => {
    const { viewer, forward } = ctx;
    const q = rangeOf(ctx);
    const built = await buildFor(deps, q, res);
    if (!built) return;
    const rowCount = built.list.items.length;
    const filename = birthdaysExportFilename(q, built.list.to);
    const answer = await deps.issueLink(
      viewer,
      { workspaceId: q.workspaceId, channelId: q.channelId, filename, rowCount, kind: "birthdays", range: { from: q.from, days: q.days } },
      { route: String(res.locals.route), filters: auditFilters(forward) },
      Date.now() + CSV_URL_TTL_MS,
    );
    sendAnswer(res, answer);
  };

  return { list, createExport };
}
