import { pipeline } from "node:stream/promises";
import type { ApiHandler } from "../http/api-handler";
import { AttemptTimeoutError } from "../upstream/http-get";
import type { LinkSigner } from "./download-links";
import { openStorageStream, type StreamResponse } from "./storage-fetch";
import { isAllowedStorageUrl } from "./storage-hosts";

export interface DownloadDeps {
  signer: LinkSigner;
  storageHosts: () => readonly string[];
  /** How long Storage may take to start answering. */
  headTimeoutMs: number;
}

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * GET /api/downloads/:token: streams the export CSV from Storage to the browser. Nothing is
 * buffered, so memory stays flat whatever the file's size; a client that goes away stops the
 * transfer from Storage too.
 */
export function createDownloadHandler(deps: DownloadDeps): ApiHandler {
  return async (_req, res, token = "") => {
    const verified = deps.signer.verify(token, Date.now());
    if (!verified.ok) {
      const expired = verified.reason === "expired";
      res.status(expired ? 410 : 403).json({
        message: expired
          ? "This download link has expired. Export the CSV again."
          : "This download link is not valid. Export the CSV again.",
      });
      return;
    }
    const { url, filename } = verified.target;
    if (!isAllowedStorageUrl(url, deps.storageHosts())) {
      res.status(403).json({ message: "This download link points outside the allowed storage hosts." });
      return;
    }
    let upstream: StreamResponse;
    try {
      upstream = await openStorageStream(new URL(url), { accept: "text/csv" }, deps.headTimeoutMs);
    } catch (error) {
      const timedOut = error instanceof AttemptTimeoutError;
      res.status(timedOut ? 504 : 502).json({
        message: timedOut
          ? "The export file storage did not answer in time. Try the download again."
          : "Could not reach the export file storage. Try the download again.",
      });
      return;
    }
    res.locals.upstreamStatus = upstream.status;
    if (upstream.status !== 200) {
      upstream.body.resume();
      res.status(502).json({
        message: `The export file storage answered HTTP ${upstream.status}; the file may have expired. Export the CSV again.`,
      });
      return;
    }
    res.status(200);
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", contentDisposition(filename));
    res.setHeader("Cache-Control", "private, no-store");
    const length = upstream.headers["content-length"];
    if (typeof length === "string") res.setHeader("Content-Length", length);
    await pipeline(upstream.body, res).catch(() => {
      // The browser went away or Storage broke off mid-file: both ends are closed by pipeline.
    });
  };
}
