import type { Source } from "../downloads/download-handler";
import type { DownloadRecord } from "../downloads/download-links";
import { AttemptTimeoutError } from "../upstream/http-get";
import { streamSpreadsheetCsv } from "./spreadsheet-csv";
import { openStorageStream, type StreamResponse } from "./storage-fetch";
import { isAllowedStorageUrl } from "./storage-hosts";

export interface StorageSourceDeps {
  storageHosts: () => readonly string[];
  /** How long Storage may take to start answering. */
  headTimeoutMs: number;
}

/** The vendor's file on Storage, rewritten for spreadsheets on the way. */
export async function storageSource(deps: StorageSourceDeps, download: Extract<DownloadRecord, { storageUrl: string }>): Promise<Source> {
  if (!isAllowedStorageUrl(download.storageUrl, deps.storageHosts())) return { status: 403, message: "This download link points outside the allowed storage hosts." };
  let upstream: StreamResponse;
  try {
    upstream = await openStorageStream(new URL(download.storageUrl), { accept: "text/csv" }, deps.headTimeoutMs);
  } catch (error) {
    const timedOut = error instanceof AttemptTimeoutError;
    return {
      status: timedOut ? 504 : 502,
      message: timedOut ? "The export file storage did not answer in time. Try the download again." : "Could not reach the export file storage. Try the download again.",
    };
  }
  if (upstream.status !== 200) {
    upstream.body.resume();
    const gone = upstream.status === 403 || upstream.status === 404 || upstream.status === 410;
    return {
      status: 502,
      message: gone
        ? `The export file storage answered HTTP ${upstream.status}: the file has expired or was removed. Export the CSV again.`
        : `The export file storage failed (HTTP ${upstream.status}). Try the download again in a moment.`,
    };
  }
  return {
    write: (out, { bom }, sent) => streamSpreadsheetCsv(upstream.body, out, { kind: download.kind, labelNames: download.labelNames, bom }, sent),
    discard: () => upstream.body.destroy(),
  };
}

