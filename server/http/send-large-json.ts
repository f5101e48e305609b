import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Request, Response } from "express";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Below this, compressing costs more than the bytes it saves on any network. */
const COMPRESS_FROM_BYTES = 64 * 1024;

/** The encoding to answer in: brotli when the browser takes it, else gzip, else none. */
function encodingFor(req: Request): "br" | "gzip" | undefined {
  const weights = new Map<string, number>();
  for (const part of String(req.headers["accept-encoding"] ?? "").toLowerCase().split(",")) {
    const [name = "", ...params] = part.split(";").map((p) => p.trim());
    const q = params.find((p) => p.startsWith("q="));
    weights.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  // A q=0 refuses an encoding; "*" stands for every encoding the header does not name.
  const takes = (name: string) => (weights.get(name) ?? weights.get("*") ?? 0) > 0;
  if (takes("br")) return "br";
  if (takes("gzip")) return "gzip";
  return undefined;
}

/**
 * Sends a JSON answer the server built itself that can be megabytes (a big studio's month of
 * birthdays is ~9 MB), compressed when the browser accepts it: the fastest brotli level turns it
 * into ~1 MB in ~30 ms, on the thread pool rather than the event loop, and the browser then
 * reads a tenth of the bytes. Small answers go out as they are.
 */
export async function sendLargeJson(req: Request, res: Response, body: unknown): Promise<void> {
  const raw = Buffer.from(JSON.stringify(body));
  res.setHeader("Vary", "Accept-Encoding");
  const encoding = raw.length >= COMPRESS_FROM_BYTES ? encodingFor(req) : undefined;
  res.type("application/json");
  if (!encoding) {
    res.end(raw);
    return;
  }
  const packed =
    encoding === "br"
      ? await brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : await gzipped(raw, { level: 1 });
  res.setHeader("Content-Encoding", encoding);
  res.end(packed);
}
