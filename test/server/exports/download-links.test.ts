import { describe, expect, it } from "vitest";
import { createLinkSigner, deriveLinkKey } from "../../../server/exports/download-links";
import { isAllowedStorageUrl } from "../../../server/exports/storage-hosts";

const target = { url: "https://storage.example.test/a.csv?sig=1", filename: "vip-users.csv", expiresAt: 2_000 };

describe("download link tokens", () => {
  const signer = createLinkSigner(deriveLinkKey(undefined, "api-secret"));

  it("round-trips a target until it expires", () => {
    const token = signer.sign(target);
    expect(signer.verify(token, 1_000)).toEqual({ ok: true, target });
    expect(signer.verify(token, 2_001)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses any change to the payload or the signature", () => {
    const token = signer.sign(target);
    const [payload, mac] = token.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ u: "https://evil.test/x", f: "x.csv", e: 9e12 })).toString("base64url");
    expect(signer.verify(`${forged}.${mac}`, 0)).toEqual({ ok: false, reason: "invalid" });
    expect(signer.verify(`${payload}.${mac.slice(0, -1)}A`, 0)).toEqual({ ok: false, reason: "invalid" });
    expect(signer.verify(`${payload}`, 0)).toEqual({ ok: false, reason: "invalid" });
    expect(signer.verify(`${token}.x`, 0)).toEqual({ ok: false, reason: "invalid" });
  });

  it("is verifiable by another instance with the same secret, not with another", () => {
    const token = signer.sign(target);
    expect(createLinkSigner(deriveLinkKey(undefined, "api-secret")).verify(token, 0).ok).toBe(true);
    expect(createLinkSigner(deriveLinkKey(undefined, "other-secret")).verify(token, 0).ok).toBe(false);
    expect(deriveLinkKey(undefined, "api-secret").toString("utf8")).not.toContain("api-secret");
  });
});

describe("storage host allowlist", () => {
  const hosts = ["storage.example.test", "127.0.0.1:9000"];
  it.each([
    ["https://storage.example.test/a.csv", true],
    ["https://STORAGE.example.test/a.csv", true],
    ["http://storage.example.test/a.csv", false],
    ["https://storage.example.test:8443/a.csv", false],
    ["https://evil.test/a.csv", false],
    ["https://user:pw@storage.example.test/a.csv", false],
    ["http://127.0.0.1:9000/storage/a.csv", true],
    ["http://127.0.0.1:9001/storage/a.csv", false],
    ["not a url", false],
  ])("%s -> %s", (url, allowed) => expect(isAllowedStorageUrl(url, hosts)).toBe(allowed));
});
