import { Agent, request } from "undici";

/**
 * GETs through undici (Node's own HTTP client as a package): about a third of the CPU per call
 * of node:http's ClientRequest, which matters on the proxy's hot path (see bench/README.md).
 * Shared with the export downloads from Storage (server/exports/storage-fetch.ts).
 * Redirects are never followed: a 3xx comes back as it is and is treated as unexpected.
 */
export const dispatcher = new Agent({ keepAliveTimeout: 10_000, connections: 64 });

export type ResponseHeaders = Record<string, string | string[] | undefined>;

export class AttemptTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
  }
}

export class ResponseTooLargeError extends Error {}

export interface GetResponse {
  status: number;
  headers: ResponseHeaders;
  body: Buffer;
}

/** A whole GET within `timeoutMs` (head and body), refusing bodies above `maxBytes`. */
export async function getBuffered(
  url: URL,
  headers: Record<string, string>,
  timeoutMs: number,
  maxBytes: number,
): Promise<GetResponse> {
  const controller = new AbortController();
  // Made only when the time is up: an Error records its stack, which every call would pay for.
  let timeout: AttemptTimeoutError | undefined;
  const timer = setTimeout(() => controller.abort((timeout = new AttemptTimeoutError(timeoutMs))), timeoutMs);
  try {
    const res = await request(url, { method: "GET", headers, dispatcher, signal: controller.signal });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        res.body.destroy();
        throw new ResponseTooLargeError(`response larger than ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
    return { status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks, size) };
  } catch (error) {
    throw controller.signal.aborted && timeout ? timeout : error;
  } finally {
    clearTimeout(timer);
  }
}
