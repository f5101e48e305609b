import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Seals what must not be readable from a copy of the database: destination URLs (a Slack or
 * Discord webhook URL is itself the credential), webhook signing secrets and queued messages
 * (which may carry players' names). AES-256-GCM, a fresh nonce per value, the purpose bound in
 * as associated data so a sealed URL cannot be replayed as a secret.
 */
export interface SecretBox {
  seal(plain: string, purpose: string): string;
  open(sealed: string, purpose: string): string;
}

const VERSION = "v1";

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error("The notification key must be 32 bytes");
  return {
    seal(plain, purpose) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, nonce);
      cipher.setAAD(Buffer.from(purpose));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, nonce.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
    },
    open(sealed, purpose) {
      const [version, nonce, body, tag] = sealed.split(".");
      if (version !== VERSION || !nonce || body === undefined || !tag) throw new Error("Not a sealed value");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64url"));
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}

/**
 * Demo mode without NOTIFY_ENCRYPTION_KEY: a random key kept beside the embedded database
 * (owner-only), so `npm start` needs no configuration and a restart can still open what it sealed.
 */
export async function demoKey(file: string): Promise<Buffer> {
  try {
    const key = Buffer.from((await readFile(file, "utf8")).trim(), "base64");
    if (key.length === 32) return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const key = randomBytes(32);
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(file, key.toString("base64"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another instance made it first: use theirs, so both open what either sealed.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return demoKey(file);
    throw error;
  }
  await chmod(file, 0o600);
  return key;
}
