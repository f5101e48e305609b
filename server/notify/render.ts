import type { WebhookBody } from "#contract/notifications";
import type { NotifyMessage } from "#contract/notifications";

/** One model, four dresses: e-mail (text and HTML), Slack Block Kit, Discord embeds, the webhook's JSON. */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderEmail(message: NotifyMessage, unsubscribeUrl: string): { subject: string; text: string; html: string } {
  const text = [
    message.title,
    "",
    message.summary,
    ...message.sections.flatMap((s) => ["", s.title, "-".repeat(Math.min(60, s.title.length)), ...(s.lines.length > 0 ? s.lines.map((l) => `• ${l}`) : ["Nothing to report."]), ...(s.link ? [`${s.link.text}: ${s.link.url}`] : [])]),
    "",
    `Open the dashboard: ${message.dashboardUrl}`,
    `Stop this e-mail: ${unsubscribeUrl}`,
  ].join("\n");
  // Tables and inline styles only: what Gmail and Outlook both render the same way.
  const section = (s: NotifyMessage["sections"][number]) =>
    `<tr><td style="padding:16px 0 4px;font:600 16px/1.4 Arial,sans-serif;color:#111">${escapeHtml(s.title)}</td></tr>` +
    `<tr><td style="font:14px/1.5 Arial,sans-serif;color:#333">${s.lines.length > 0 ? `<ul style="margin:0;padding-left:20px">${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>` : "Nothing to report."}</td></tr>` +
    (s.link ? `<tr><td style="padding-top:6px;font:14px Arial,sans-serif"><a href="${escapeHtml(s.link.url)}" style="color:#1d4ed8">${escapeHtml(s.link.text)}</a></td></tr>` : "");
  const html =
    `<!doctype html><html><body style="margin:0;background:#f5f5f5">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">` +
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#fff;padding:24px">` +
    `<tr><td style="font:700 20px/1.3 Arial,sans-serif;color:#111">${escapeHtml(message.title)}</td></tr>` +
    `<tr><td style="padding-top:6px;font:14px/1.5 Arial,sans-serif;color:#555">${escapeHtml(message.summary)}</td></tr>` +
    message.sections.map(section).join("") +
    `<tr><td style="padding-top:24px;font:12px/1.5 Arial,sans-serif;color:#777"><a href="${escapeHtml(message.dashboardUrl)}" style="color:#1d4ed8">Open the dashboard</a> · <a href="${escapeHtml(unsubscribeUrl)}" style="color:#777">Stop this e-mail</a></td></tr>` +
    `</table></td></tr></table></body></html>`;
  return { subject: message.title, text, html };
}

/** Slack's limits: 50 blocks, 3,000 characters per section text, 150 per header. */
const SLACK_TEXT_MAX = 3000;
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function renderSlack(message: NotifyMessage): Record<string, unknown> {
  const blocks: Record<string, unknown>[] = [
    { type: "header", text: { type: "plain_text", text: clip(message.title, 150) } },
    { type: "section", text: { type: "mrkdwn", text: clip(slackEscape(message.summary), SLACK_TEXT_MAX) } },
  ];
  for (const s of message.sections.slice(0, 20)) {
    const body = s.lines.length > 0 ? s.lines.map((l) => `• ${slackEscape(l)}`).join("\n") : "_Nothing to report._";
    const link = s.link ? `\n<${s.link.url}|${slackEscape(s.link.text)}>` : "";
    blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(`*${slackEscape(s.title)}*\n${body}`, SLACK_TEXT_MAX - link.length) + link } });
  }
  return { text: clip(`${message.title}: ${message.summary}`, SLACK_TEXT_MAX), blocks: blocks.slice(0, 50) };
}

/** Discord's limits: 10 embeds, title 256, description 4,096, 6,000 characters in all. */
export function renderDiscord(message: NotifyMessage): Record<string, unknown> {
  let budget = 5800;
  const embeds: Record<string, unknown>[] = [];
  for (const s of [{ title: message.title, lines: [message.summary], link: { text: "Open the dashboard", url: message.dashboardUrl } }, ...message.sections].slice(0, 10)) {
    const title = clip(s.title, 256);
    const description = clip((s.lines.length > 0 ? s.lines.map((l) => `• ${l}`).join("\n") : "Nothing to report.") + (s.link ? `\n[${s.link.text}](${s.link.url})` : ""), Math.max(0, Math.min(4096, budget - title.length)));
    budget -= title.length + description.length;
    if (budget <= 0) break;
    embeds.push({ title, description, color: 0x1d4ed8 });
  }
  return { content: clip(message.title, 2000), embeds, allowed_mentions: { parse: [] } };
}

export function renderWebhook(message: NotifyMessage, ids: { subscriptionId: string; deliveryId: string; workspaceId: string; channelId: string }, sentAt: string): WebhookBody {
  return {
    type: message.kind,
    ...ids,
    title: message.title,
    text: message.summary,
    sections: message.sections.map((s) => ({ title: s.title, lines: s.lines, ...(s.link ? { link: s.link.url } : {}) })),
    sentAt,
  };
}

/** The JSON body a Slack, Discord or webhook destination gets: what is sent and what Preview shows. */
export function renderPost(type: "slack" | "discord" | "webhook", message: NotifyMessage, ids: Parameters<typeof renderWebhook>[1], sentAt: string): unknown {
  return type === "slack" ? renderSlack(message) : type === "discord" ? renderDiscord(message) : renderWebhook(message, ids, sentAt);
}
