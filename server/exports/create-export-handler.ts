import { CSV_URL_TTL_MS } from "#contract/assumptions";
import { vendorScopeParams, type ChannelScope } from "#contract/channel-scope";
import type { VipMessagesExportQuery, VipUsersExportQuery } from "#contract/query";
import type { ExportResponse } from "#contract/responses";
import { UPSTREAM_ROUTES, type UpstreamRoute } from "#contract/routes";
import type { LabelOverview } from "#contract/responses";
import { auditFilters } from "../audit/audit-filters";
import type { Response } from "express";
import type { ApiHandler, RouteContext } from "../http/api-handler";
import { mapOutcome } from "../http/map-outcome";
import type { UpstreamClient } from "../upstream/client";
import type { IssueExportLink } from "../downloads/export-links";
import { messagesExportFilename, usersExportFilename } from "../downloads/filenames";
import { isAllowedStorageUrl } from "./storage-hosts";

export interface ExportDeps {
  upstream: UpstreamClient;
  /** The export-link service (downloads/export-links): the link, its audit row, the answer. */
  issueLink: IssueExportLink;
  storageHosts: () => readonly string[];
}

/**
 * The export routes (POST: creating an export writes a file at the vendor and costs quota).
 * The upstream writes the CSV to Storage and answers with its URL; we keep that URL on the
 * server and answer with an opaque same-origin download link, bound to the person who asked,
 * with a meaningful file name.
 */
/** A second identical export by the same person within this time gets the first one's answer. */
const SAME_EXPORT_WINDOW_MS = 5_000;

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string> | undefined;
}

export function createExportHandler(route: UpstreamRoute, deps: ExportDeps): ApiHandler {
  const recent = new Map<string, Promise<Answer>>();

  /**
   * The label names for a messages file, from the overview of the same window (which the person
   * usually has just looked at, so it is most often a cache hit, not a call). Without it the
   * file still has every label id, and shows the ids where names would be.
   */
  async function labelNamesFor(q: ChannelScope & VipMessagesExportQuery): Promise<Record<string, string>> {
    const params = new URLSearchParams({ ...vendorScopeParams(q), from: q.from.raw, to: q.to.raw });
    const overview = UPSTREAM_ROUTES.labelOverview;
    const answer = mapOutcome(await deps.upstream.get(overview.path, params, overview.kind), overview.response);
    if (answer.status !== 200) return {};
    return Object.fromEntries((answer.body as LabelOverview).labels.map((l) => [l.id, l.name]));
  }

  async function create({ viewer, forward, query, scope }: RouteContext, routeName: string, res: Response): Promise<Answer> {
    // The route's schema requires the workspace and channel, so the scope is there.
    const q = { ...(query as VipUsersExportQuery | VipMessagesExportQuery), ...scope! };
    const outcome = await deps.upstream.get(route.path, forward, "export");
    res.locals.attempts = outcome.attempts;
    const answer = mapOutcome(outcome, route.response);
    if (answer.status !== 200) return answer;
    res.locals.upstreamStatus = answer.upstreamStatus;
    const { totalCount, csvUrl } = answer.body as ExportResponse;
    if (!isAllowedStorageUrl(csvUrl, deps.storageHosts())) {
      return {
        status: 502,
        body: { message: "The Dynamo API put the export on a storage host this dashboard may not fetch from (see DYNAMO_STORAGE_HOSTS)." },
      };
    }
    const now = Date.now();
    const messages = "from" in q;
    const filename = messages ? messagesExportFilename(q) : usersExportFilename(q, now);
    return deps.issueLink(
      viewer,
      {
        workspaceId: q.workspaceId,
        channelId: q.channelId,
        storageUrl: csvUrl,
        filename,
        rowCount: totalCount,
        kind: messages ? "messages" : "users",
        labelNames: messages ? await labelNamesFor(q) : {},
      },
      { route: routeName, filters: auditFilters(forward) },
      now + CSV_URL_TTL_MS,
    );
  }

  return async (_req, res, ctx) => {
    const { viewer, forward } = ctx;
    // A double click makes one file: the same person and filters within a few seconds share it.
    const key = `${viewer.principal.subject}\u0000${forward.toString()}`;
    let pending = recent.get(key);
    if (!pending) {
      pending = create(ctx, String(res.locals.route), res);
      recent.set(key, pending);
      // A file made is shared for a few seconds; a failure is not, so Retry really tries again.
      const forgetLater = () => setTimeout(() => recent.delete(key), SAME_EXPORT_WINDOW_MS).unref();
      pending.then(
        (answer) => (answer.status === 200 ? forgetLater() : recent.delete(key)),
        () => recent.delete(key),
      );
    }
    const answer = await pending;
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    res.status(answer.status).json(answer.body);
  };
}
