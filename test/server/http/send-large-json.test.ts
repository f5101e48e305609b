import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendLargeJson } from "../../../server/http/send-large-json";

/** A body well past the compression threshold, and one well under it. */
const LARGE = { items: Array.from({ length: 4000 }, (_, i) => ({ id: `user-${i}`, name: `Player ${i}` })) };
const SMALL = { items: [{ id: "user-1" }] };

let base = "";
let close: () => Promise<void>;

beforeAll(async () => {
  const app = express();
  app.get("/large", (req, res) => void sendLargeJson(req, res, LARGE));
  app.get("/small", (req, res) => void sendLargeJson(req, res, SMALL));
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

/** Raw bytes and headers, without a client that decompresses behind our back. */
function get(path: string, acceptEncoding?: string) {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("sendLargeJson", () => {
  it("answers brotli when the browser takes it, and the bytes decode to the same JSON", async () => {
    const { headers, body } = await get("/large", "gzip, deflate, br");
    expect(headers["content-encoding"]).toBe("br");
    expect(headers.vary).toMatch(/Accept-Encoding/i);
    expect(headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(brotliDecompressSync(body).toString())).toEqual(LARGE);
    expect(body.length).toBeLessThan(Buffer.byteLength(JSON.stringify(LARGE)) / 3);
  });

  it("falls back to gzip when brotli is refused with q=0", async () => {
    const { headers, body } = await get("/large", "br;q=0, gzip;q=0.5");
    expect(headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(body).toString())).toEqual(LARGE);
  });

  it("takes a wildcard as accepting brotli, unless brotli is refused by name", async () => {
    expect((await get("/large", "*")).headers["content-encoding"]).toBe("br");
    expect((await get("/large", "br;q=0, *;q=0.1")).headers["content-encoding"]).toBe("gzip");
  });

  it("sends plain JSON when no encoding is accepted", async () => {
    for (const header of [undefined, "identity", "br;q=0, gzip;q=0", "*;q=0"]) {
      const { headers, body } = await get("/large", header);
      expect({ header, encoding: headers["content-encoding"] }).toEqual({ header, encoding: undefined });
      expect(JSON.parse(body.toString())).toEqual(LARGE);
    }
  });

  it("leaves a small answer plain even when the browser takes brotli", async () => {
    const { headers, body } = await get("/small", "br, gzip");
    expect(headers["content-encoding"]).toBeUndefined();
    expect(headers["content-length"]).toBe(String(body.length));
    expect(JSON.parse(body.toString())).toEqual(SMALL);
  });
});
