import { createHmac } from "node:crypto";
import { createTransport } from "nodemailer";
import { WEBHOOK_DELIVERY_HEADER, WEBHOOK_SIGNATURE_HEADER, type DestinationType } from "#contract/notifications";
import type { NotifyMessage } from "#contract/notifications";
import type { Outbound } from "./outbound";
import { renderEmail, renderPost } from "./render";

/** A destination opened from its sealed row: the address or URL, and a webhook's secret. */
export interface OpenDestination {
  type: DestinationType;
  /** E-mail address, or the webhook URL. */
  target: string;
  secret: string | undefined;
}

export interface SendIds {
  subscriptionId: string;
  deliveryId: string;
  workspaceId: string;
  channelId: string;
}

export type SendResult =
  | { ok: true }
  /** `retry`: worth trying again (a 5xx, a 429, a timeout); otherwise it will not get better (a 404, a refused host). */
  | { ok: false; retry: boolean; retryAfterSeconds?: number | undefined; error: string };

export interface Mailbox {
  /** The built-in outbox (no SMTP_URL): kept for the dashboard to show. */
  keep(deliveryId: string, mail: { to: string; from: string; subject: string; text: string; html: string; headers: Record<string, string> }): Promise<void>;
}

export interface SenderDeps {
  outbound: Outbound;
  smtpUrl: string | undefined;
  mailFrom: string;
  mailbox: Mailbox;
  /** The one-click unsubscribe link of a subscription (works without signing in). */
  unsubscribeUrl: (subscriptionId: string) => string;
  now?: () => number;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`, as Stripe's, so receivers know the scheme. */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

export function createSender(deps: SenderDeps) {
  const transport = deps.smtpUrl ? createTransport({ url: deps.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) : undefined;
  const now = deps.now ?? Date.now;

  async function email(destination: OpenDestination, message: NotifyMessage, ids: SendIds): Promise<SendResult> {
    const unsubscribe = deps.unsubscribeUrl(ids.subscriptionId);
    const { subject, text, html } = renderEmail(message, unsubscribe);
    // RFC 8058 one-click: a POST to this URL unsubscribes, no sign-in; the same Message-ID on a
    // retry lets a mail system drop a copy it already has.
    const headers = { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "X-Dynamo-Delivery": ids.deliveryId };
    if (!transport) {
      await deps.mailbox.keep(ids.deliveryId, { to: destination.target, from: deps.mailFrom, subject, text, html, headers });
      return { ok: true };
    }
    try {
      await transport.sendMail({ from: deps.mailFrom, to: destination.target, subject, text, html, headers, messageId: `<delivery-${ids.deliveryId}.${ids.subscriptionId}@dynamo-vip-dashboard>` });
      return { ok: true };
    } catch (error) {
      const e = error as { responseCode?: number; message?: string; code?: string };
      // 5xx SMTP replies are permanent (a refused address); 4xx and connection problems pass.
      const permanent = typeof e.responseCode === "number" && e.responseCode >= 500;
      return { ok: false, retry: !permanent, error: `The mail server refused or could not be reached: ${e.responseCode ?? e.code ?? ""} ${String(e.message ?? "").slice(0, 200)}`.trim() };
    }
  }

  async function http(destination: OpenDestination, message: NotifyMessage, ids: SendIds): Promise<SendResult> {
    const sentAt = new Date(now()).toISOString();
    const body = JSON.stringify(renderPost(destination.type as "slack" | "discord" | "webhook", message, ids, sentAt));
    const headers: Record<string, string> = { [WEBHOOK_DELIVERY_HEADER]: ids.deliveryId };
    if (destination.type === "webhook" && destination.secret) headers[WEBHOOK_SIGNATURE_HEADER] = signWebhook(destination.secret, body, Math.floor(now() / 1000));
    try {
      const answer = await deps.outbound.post(destination.target, body, headers);
      if ("reason" in answer) return { ok: false, retry: false, error: answer.reason };
      if (answer.status >= 200 && answer.status < 300) return { ok: true };
      const retry = answer.status === 429 || answer.status === 408 || answer.status >= 500;
      const redirect = answer.status >= 300 && answer.status < 400 ? " (a redirect, which is never followed)" : "";
      return { ok: false, retry, retryAfterSeconds: answer.retryAfterSeconds, error: `The destination answered HTTP ${answer.status}${redirect}${answer.bodyStart ? `: ${answer.bodyStart.slice(0, 200)}` : ""}` };
    } catch (error) {
      const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
      const code = e.cause?.code ?? e.code;
      if (code === "EINTERNAL") return { ok: false, retry: false, error: e.cause?.message ?? e.message ?? "internal address" };
      return { ok: false, retry: true, error: `The destination could not be reached: ${code ?? ""} ${String(e.cause?.message ?? e.message ?? "").slice(0, 200)}`.trim() };
    }
  }

  return {
    send: (destination: OpenDestination, message: NotifyMessage, ids: SendIds) => (destination.type === "email" ? email(destination, message, ids) : http(destination, message, ids)),
    close: () => transport?.close(),
  };
}

export type Sender = ReturnType<typeof createSender>;
