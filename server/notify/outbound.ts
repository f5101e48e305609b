import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import { Agent, request } from "undici";

/**
 * The only way a notification leaves this server over HTTP. A destination must be on
 * NOTIFY_WEBHOOK_HOSTS, over https (plain http only to a loopback host listed there, for tests);
 * its name must not resolve to a private, loopback or link-local address (checked when the
 * socket connects, so a DNS answer that changes after the check cannot slip through); redirects
 * are never followed; the time and the answer read are bounded.
 */
export interface OutboundPolicy {
  hosts: readonly string[];
  /** For tests: how names resolve (defaults to the system resolver). */
  lookup?: typeof dnsLookup;
  timeoutMs?: number;
}

export type Refusal = { ok: false; reason: string };

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Private, loopback, link-local, unspecified, CGNAT and unique-local ranges, v4 and v6. */
export function isInternalAddress(address: string): boolean {
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split(".").map(Number) as [number, number];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  const v6 = address.toLowerCase();
  return v6 === "::" || v6 === "::1" || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith("ff");
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
const defaultPort = (url: URL) => url.port || (url.protocol === "https:" ? "443" : "80");

/** Why `raw` may not be a destination, or the parsed URL. */
export function checkDestinationUrl(raw: string, policy: OutboundPolicy): { ok: true; url: URL } | Refusal {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "The destination is not a URL." };
  }
  if (url.username || url.password) return { ok: false, reason: "The destination URL must not carry a user name or password." };
  const host = hostOf(url);
  const listed = policy.hosts.some((entry) => entry === host || entry === `${host}:${defaultPort(url)}` || entry === `[${host}]:${defaultPort(url)}`);
  if (!listed) return { ok: false, reason: `Notifications may only be sent to ${policy.hosts.join(", ")} (NOTIFY_WEBHOOK_HOSTS); ${host} is not one of them.` };
  if (url.protocol === "http:" && !LOOPBACK_NAMES.has(host)) return { ok: false, reason: "The destination must use https." };
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "The destination must use https." };
  return { ok: true, url };
}

export interface PostResult {
  status: number;
  /** Seconds, when the receiver asked to wait (429/503 Retry-After). */
  retryAfterSeconds: number | undefined;
  /** The first bytes of the answer, for the delivery's error text. */
  bodyStart: string;
}

const MAX_ANSWER_BYTES = 16 * 1024;

function retryAfter(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - Date.now()) / 1000)) : undefined;
}

export function createOutbound(policy: OutboundPolicy) {
  const resolve = policy.lookup ?? dnsLookup;
  // The check at connect time: every address the name resolves to must be public, unless the
  // destination itself is a loopback literal listed for tests.
  const guardedLookup = (hostname: string, options: object, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      const internal = list.find((a) => isInternalAddress(a.address));
      if (internal && !LOOPBACK_NAMES.has(hostname.toLowerCase())) {
        return callback(Object.assign(new Error(`${hostname} resolves to an internal address (${internal.address}); nothing was sent`), { code: "EINTERNAL" }), []);
      }
      const all = (options as { all?: boolean }).all;
      if (all) callback(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    });
  };
  const agent = new Agent({ connect: { lookup: guardedLookup as never, timeout: 5_000 }, keepAliveTimeout: 10_000 });

  /** POSTs a JSON body (or any body with its type) to a checked destination; never follows a redirect. */
  async function post(raw: string, body: string, headers: Record<string, string>): Promise<PostResult | Refusal> {
    const checked = checkDestinationUrl(raw, policy);
    if (!checked.ok) return checked;
    const host = hostOf(checked.url);
    // An IP literal skips DNS: refuse an internal one here (unless it is a listed loopback for tests).
    if (isIP(host) && isInternalAddress(host) && !LOOPBACK_NAMES.has(host)) return { ok: false, reason: `${host} is an internal address; nothing was sent.` };
    const timeoutMs = policy.timeoutMs ?? 10_000;
    const answer = await request(checked.url, {
      method: "POST",
      dispatcher: agent,
      body,
      headers: { "content-type": "application/json", "user-agent": "dynamo-vip-dashboard", ...headers },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs + 1_000),
    });
    let bodyStart = "";
    let read = 0;
    for await (const chunk of answer.body) {
      if (read < MAX_ANSWER_BYTES) bodyStart += String(chunk).slice(0, MAX_ANSWER_BYTES - read);
      read += (chunk as Buffer).length;
      if (read >= MAX_ANSWER_BYTES) {
        answer.body.destroy();
        break;
      }
    }
    return { status: answer.statusCode, retryAfterSeconds: retryAfter(answer.headers["retry-after"]), bodyStart: bodyStart.slice(0, 300) };
  }

  return { post, close: () => agent.close() };
}

export type Outbound = ReturnType<typeof createOutbound>;

/** A destination URL as answers and logs may show it: host and the last 4 characters. */
export function maskUrl(raw: string): string {
  const url = new URL(raw);
  const tail = `${url.pathname}${url.search}`.slice(-4);
  return `${url.host}/…${tail}`;
}

export function maskEmail(address: string): string {
  const [local = "", domain = ""] = address.split("@");
  return `${local.slice(0, 1)}…@${domain}`;
}
