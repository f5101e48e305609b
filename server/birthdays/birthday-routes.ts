import type { Response } from "express";
import { CSV_URL_TTL_MS } from "#contract/assumptions";
import type { UpcomingBirthdaysQuery } from "#contract/query";
import { auditFilters } from "../audit/audit-filters";
import type { Viewer } from "../identity/principal";
import type { ApiHandler } from "../http/api-handler";
import { sendAnswer } from "../http/send-answer";
import type { IssueExportLink } from "../downloads/export-links";
import { birthdaysExportFilename } from "../downloads/filenames";
import type { UpstreamClient } from "../upstream/client";
import { buildUpcomingBirthdays, type BuiltList } from "./upcoming-list";

export interface BirthdayRouteDeps {
  upstream: UpstreamClient;
  /** The export-link service (downloads/export-links): the link, its audit row, the answer. */
  issueLink: IssueExportLink;
  /** Records that a person saw players' data (deduplicated by the caller). */
  auditViewed: (viewer: Viewer, query: Record<string, unknown>, forward: URLSearchParams, route: string) => Promise<void>;
}

/** Builds the list for the (parsed) range; answers the problem itself when there is one. */
async function buildFor(deps: BirthdayRouteDeps, q: UpcomingBirthdaysQuery, res: Response): Promise<Extract<BuiltList, { ok: true }> | undefined> {
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
  const list: ApiHandler = async (_req, res, { viewer, query, forward }) => {
    const built = await buildFor(deps, query as UpcomingBirthdaysQuery, res);
    if (!built) return;
    await deps.auditViewed(viewer, query, forward, "/api/birthdays/upcoming");
    res.json(built.list);
  };

  const createExport: ApiHandler = async (_req, res, { viewer, query, forward }) => {
    const q = query as UpcomingBirthdaysQuery;
    const built = await buildFor(deps, q, res);
    if (!built) return;
    const rowCount = built.list.items.length;
    const filename = birthdaysExportFilename(q, built.list.to);
    const answer = await deps.issueLink(
      viewer,
      { workspaceId: q.workspaceId, channelId: q.mediumId, filename, rowCount, kind: "birthdays", range: { from: q.from, days: q.days } },
      { route: String(res.locals.route), filters: auditFilters(forward) },
      Date.now() + CSV_URL_TTL_MS,
    );
    sendAnswer(res, answer);
  };

  return { list, createExport };
}
