import { CSV_URL_TTL_MS } from "#contract/assumptions";
import type { ExportAnswer } from "#contract/dashboard-api";
import type { VipMessagesExportQuery, VipUsersExportQuery } from "#contract/query";
import type { ExportResponse } from "#contract/responses";
import type { UpstreamRoute } from "#contract/routes";
import type { ApiHandler } from "../http/api-handler";
import { mapOutcome } from "../http/map-outcome";
import { sendAnswer } from "../http/send-answer";
import { validateQuery } from "../http/validate-query";
import type { UpstreamClient } from "../upstream/client";
import type { LinkSigner } from "./download-links";
import { messagesExportFilename, usersExportFilename } from "./filenames";
import { isAllowedStorageUrl } from "./storage-hosts";

export interface ExportDeps {
  upstream: UpstreamClient;
  signer: LinkSigner;
  storageHosts: () => readonly string[];
}

/**
 * The export routes: the upstream writes the CSV to Storage and answers with its URL; we
 * answer with a signed same-origin link to it instead, so the browser never talks to Storage
 * and gets a meaningful file name. The link expires when the Storage URL does.
 */
export function createExportHandler(route: UpstreamRoute, deps: ExportDeps): ApiHandler {
  return async (req, res) => {
    const validated = validateQuery<VipUsersExportQuery | VipMessagesExportQuery>(route, req);
    if (!validated.ok) {
      res.status(400).json(validated.body);
      return;
    }
    const outcome = await deps.upstream.get(route.path, validated.forward, "export");
    res.locals.attempts = outcome.attempts;
    const answer = mapOutcome(outcome, route.response);
    if (answer.status !== 200) return sendAnswer(res, answer);
    res.locals.upstreamStatus = answer.upstreamStatus;
    const { totalCount, csvUrl } = answer.body as ExportResponse;
    if (!isAllowedStorageUrl(csvUrl, deps.storageHosts())) {
      res.status(502).json({
        message: "The Dynamo API put the export on a storage host this dashboard may not fetch from (see DYNAMO_STORAGE_HOSTS).",
      });
      return;
    }
    const now = Date.now();
    const q = validated.parsed;
    const filename = "from" in q ? messagesExportFilename(q) : usersExportFilename(q, now);
    const expiresAt = now + CSV_URL_TTL_MS;
    const token = deps.signer.sign({ url: csvUrl, filename, expiresAt });
    const body: ExportAnswer = {
      totalCount,
      downloadUrl: `/api/downloads/${token}`,
      filename,
      expiresAt: new Date(expiresAt).toISOString(),
    };
    res.json(body);
  };
}
