import { randomBytes, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { CSV_URL_TTL_MS } from "#contract/assumptions";
import { constantTimeEquals, hmacSha256Hex } from "../signing";

/**
 * A stand-in for the vendor's Storage: export files in a local directory, reachable through
 * signed, expiring URLs (as a cloud bucket's signed URLs are), served by the simulator itself.
 */
export class LocalStorage {
  private readonly key = randomBytes(32);
  private readonly expiries = new Map<string, number>();

  private constructor(
    readonly dir: string,
    private readonly ownsDir: boolean,
  ) {}

  static async open(dir?: string): Promise<LocalStorage> {
    if (dir) return new LocalStorage(dir, false);
    return new LocalStorage(await mkdtemp(join(tmpdir(), "dynamo-sim-storage-")), true);
  }

  /** A fresh file name in the storage directory. */
  newObject(): { name: string; path: string } {
    const name = `${randomUUID()}.csv`;
    return { name, path: join(this.dir, name) };
  }

  signedUrl(origin: string, name: string, now: number): string {
    const expires = now + CSV_URL_TTL_MS;
    this.expiries.set(name, expires);
    void this.sweep(now);
    const signature = hmacSha256Hex(this.key, `${name}\n${expires}`);
    return `${origin}/storage/${name}?expires=${expires}&signature=${signature}`;
  }

  /** Serves GET /storage/<name>; answers 403 for a bad or expired signature, 404 when gone. */
  async serve(name: string, query: URLSearchParams, now: number, res: ServerResponse): Promise<void> {
    const expires = Number(query.get("expires"));
    const signature = query.get("signature") ?? "";
    const valid =
      /^[\w-]+\.csv$/.test(name) &&
      Number.isFinite(expires) &&
      constantTimeEquals(signature, hmacSha256Hex(this.key, `${name}\n${expires}`));
    if (!valid) return sendText(res, 403, "Invalid signature");
    if (expires < now) return sendText(res, 403, "Signed URL expired");
    const path = join(this.dir, name);
    const info = await stat(path).catch(() => null);
    if (!info) return sendText(res, 404, "No such object");
    res.writeHead(200, { "Content-Type": "text/csv; charset=utf-8", "Content-Length": info.size });
    await pipeline(createReadStream(path), res).catch(() => res.destroy());
  }

  private async sweep(now: number) {
    for (const [name, expires] of this.expiries) {
      if (expires < now) {
        this.expiries.delete(name);
        await rm(join(this.dir, name), { force: true }).catch(() => undefined);
      }
    }
  }

  async close(): Promise<void> {
    if (this.ownsDir) await rm(this.dir, { recursive: true, force: true });
  }
}

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(text);
}
