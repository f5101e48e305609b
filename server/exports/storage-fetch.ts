import type { Readable } from "node:stream";
import { request } from "undici";
import { AttemptTimeoutError, dispatcher, type ResponseHeaders } from "../upstream/http-get";

export interface StreamResponse {
  status: number;
  headers: ResponseHeaders;
  body: Readable;
}

/** Starts a GET from Storage; resolves with status, headers and the body stream once the head arrives. */
export async function openStorageStream(
  url: URL,
  headers: Record<string, string>,
  headTimeoutMs: number,
  idleTimeoutMs = 30_000,
): Promise<StreamResponse> {
  const res = await request(url, {
    method: "GET",
    headers,
    dispatcher,
    headersTimeout: headTimeoutMs,
    bodyTimeout: idleTimeoutMs,
  }).catch((error: unknown) => {
    throw (error as { code?: string }).code === "UND_ERR_HEADERS_TIMEOUT" ? new AttemptTimeoutError(headTimeoutMs) : error;
  });
  return { status: res.statusCode, headers: res.headers, body: res.body };
}
