import type { Request, Response } from "express";
import { allows, roleInWorkspace } from "#contract/access";
import type { DeliveriesQuery, SubscriptionInput, SubscriptionPatch } from "#contract/notification-schemas";
import type { SubscriptionCreated, SubscriptionPreview } from "#contract/notifications";
import type { ValidationErrorBody } from "#contract/responses";
import type { AccessGuard } from "../access/access-guard";
import type { ApiHandler } from "../http/api-handler";
import { actorOf, type Viewer } from "../identity/principal";
import { composeDigest, digestSpecOf } from "./digest";
import type { NotifyService } from "./notify-service";
import { checkDestinationUrl, type OutboundPolicy } from "./outbound";
import { renderEmail, renderPost } from "./render";
import { nameOf, settingsFrom, toSubscription, type SubscriptionRow } from "./subscriptions-store";
import type { UpstreamClient } from "../upstream/client";

export interface NotifyRouteDeps {
  notify: NotifyService;
  access: AccessGuard;
  upstream: UpstreamClient;
  outbound: OutboundPolicy;
  baseUrl: () => URL;
  /** Requests for access waiting in a workspace (the digest's "access" section, for admins). */
  pendingAccessRequests: (workspaceId: string) => Promise<number>;
}

const isAdminIn = (viewer: Viewer, workspaceId: string) => roleInWorkspace(viewer.grants, workspaceId) === "admin";

/** Workspaces whose team subscriptions the viewer manages: "all" for an admin of every workspace. */
function teamScope(viewer: Viewer): readonly string[] | "all" {
  if (viewer.grants.get("*") === "admin") return "all";
  return [...viewer.grants.entries()].filter(([, role]) => role === "admin").map(([id]) => id);
}

/** Whether a destination reaches anyone but the person subscribing (a channel, a webhook, another address). */
function reachesOthers(viewer: Viewer, destination: SubscriptionInput["destination"]): boolean {
  return destination.type !== "email" || viewer.principal.email === null || destination.to.toLowerCase() !== viewer.principal.email.toLowerCase();
}

const badDestination = (reason: string): ValidationErrorBody => ({ error: [{ message: reason, path: ["destination", "url"], type: "destination.refused", context: { key: "url" } }] });

export function createNotifyRoutes(deps: NotifyRouteDeps) {
  const { notify } = deps;

  /** Who may send names where: the same roles as the views; shared destinations only by an admin's choice. */
  async function refusePersonal(res: Response, viewer: Viewer, workspaceId: string, personalData: boolean, team: boolean, destination: SubscriptionInput["destination"] | undefined): Promise<boolean> {
    if (team && !isAdminIn(viewer, workspaceId)) {
      res.status(403).json({ message: `Only an admin of workspace ${workspaceId} can create or change team subscriptions.`, requiredRole: "admin" });
      return true;
    }
    if (!personalData) return false;
    if (!allows(roleInWorkspace(viewer.grants, workspaceId), "personal-data")) {
      await deps.access.refuse(res, viewer, "personal-data", workspaceId);
      return true;
    }
    if (destination && reachesOthers(viewer, destination) && !isAdminIn(viewer, workspaceId)) {
      res.status(403).json({ message: "Names, birthdays and message texts may go to a channel, a webhook or another person's address only when an admin of this workspace sets it up. Send counts only, or send it to your own address.", requiredRole: "admin" });
      return true;
    }
    return false;
  }

  /** The "access" section (requests for access waiting) is for those who answer them: admins of the workspace. */
  async function refuseAccessSection(res: Response, viewer: Viewer, workspaceId: string, sections: readonly string[] | undefined): Promise<boolean> {
    if (!sections?.includes("access") || deps.access.permits(viewer, "access", workspaceId)) return false;
    await deps.access.refuse(res, viewer, "access", workspaceId);
    return true;
  }

  function checkDestination(res: Response, destination: SubscriptionInput["destination"]): boolean {
    if (destination.type === "email") return true;
    const checked = checkDestinationUrl(destination.url, deps.outbound);
    if (!checked.ok) {
      res.status(400).json(badDestination(checked.reason));
      return false;
    }
    return true;
  }

  /** The subscription of the path, when the viewer owns it or administers its workspace. */
  async function owned(res: Response, viewer: Viewer, id: string | undefined): Promise<SubscriptionRow | undefined> {
    const row = id ? await notify.subscriptions.find(id) : undefined;
    if (!row || (row.owner_subject !== viewer.principal.subject && !(row.team && isAdminIn(viewer, row.workspace_id)))) {
      res.status(404).json({ message: "There is no such subscription among yours." });
      return undefined;
    }
    return row;
  }

  const list: ApiHandler = async (_req, res, { viewer }) => {
    const rows = await notify.subscriptions.listFor(viewer.principal.subject, teamScope(viewer));
    res.json({ items: rows.map(toSubscription) });
  };

  const create: ApiHandler = async (_req, res, { viewer, query, scope }) => {
    const input = query as SubscriptionInput;
    if (!checkDestination(res, input.destination)) return;
    if (await refusePersonal(res, viewer, input.workspaceId, input.personalData === true, input.team === true, input.destination)) return;
    if (input.kind === "digest" && (await refuseAccessSection(res, viewer, input.workspaceId, input.sections))) return;
    // The body's schema requires the workspace and channel, so the pipeline's scope is there.
    const { row, signingSecret } = await notify.subscriptions.create(input, scope!, viewer.principal, actorOf(viewer.principal), Date.now());
    const body: SubscriptionCreated = { subscription: toSubscription(row), ...(signingSecret ? { signingSecret } : {}) };
    res.status(201).json(body);
  };

  /** Exactly what a send would carry now, dressed for its destination; nothing is saved or sent. */
  const preview: ApiHandler = async (_req, res, { viewer, query, scope }) => {
    const input = query as SubscriptionInput;
    if (!checkDestination(res, input.destination)) return;
    if (await refusePersonal(res, viewer, input.workspaceId, input.personalData === true, input.team === true, input.destination)) return;
    if (input.kind === "digest" && (await refuseAccessSection(res, viewer, input.workspaceId, input.sections))) return;
    if (input.kind !== "digest") {
      const alert: SubscriptionPreview = { kind: "alert", message: "An alert is composed when a label becomes unusual; it names the label, its count, its share and the factor, and links to the bar." };
      return void res.json(alert);
    }
    const settings = settingsFrom(input, viewer.principal);
    const accessRequests = settings.sections.includes("access") ? await deps.pendingAccessRequests(input.workspaceId) : undefined;
    const spec = digestSpecOf({ ...scope!, name: nameOf(input), settings, personalData: input.personalData === true, sinceMs: undefined, accessRequests });
    const composed = await composeDigest(deps.upstream, spec, deps.baseUrl(), Date.now());
    if (!composed.ok) return void res.status(502).json({ message: composed.message });
    const m = composed.message;
    const type = input.destination.type;
    const rendered =
      type === "email"
        ? renderEmail(m, new URL("/api/unsubscribe/preview", deps.baseUrl()).toString())
        : renderPost(type, m, { subscriptionId: "preview", deliveryId: "preview", ...scope! }, new Date().toISOString());
    const answer: SubscriptionPreview = { kind: "digest", empty: m.empty, whenEmpty: settings.whenEmpty, personalData: m.personalData, message: m, rendered };
    res.json(answer);
  };

  const patch: ApiHandler = async (_req, res, { viewer, query, param }) => {
    const row = await owned(res, viewer, param);
    if (!row) return;
    const change = query as SubscriptionPatch;
    if (change.personalData === true && (await refusePersonal(res, viewer, row.workspace_id, true, row.team, undefined))) return;
    if (await refuseAccessSection(res, viewer, row.workspace_id, change.sections)) return;
    if (change.personalData === true && row.destination_type !== "email" && !isAdminIn(viewer, row.workspace_id)) {
      return void res.status(403).json({ message: "Only an admin of this workspace can let names go to a channel or webhook.", requiredRole: "admin" });
    }
    const updated = await notify.subscriptions.update(row, change, Date.now());
    res.json({ subscription: toSubscription(updated) });
  };

  const remove: ApiHandler = async (_req, res, { viewer, param }) => {
    const row = await owned(res, viewer, param);
    if (!row) return;
    await notify.subscriptions.remove(row.id);
    res.status(204).end();
  };

  const sendNow: ApiHandler = async (_req, res, { viewer, param }) => {
    const row = await owned(res, viewer, param);
    if (!row) return;
    const delivery = await notify.outbox.enqueue(row.id, `manual:${new Date().toISOString()}`, Date.now());
    notify.kick();
    res.status(202).json({ deliveryId: delivery ? String(delivery.id) : null, message: "Queued: it goes out within seconds. Its status is under Deliveries." });
  };

  const deliveries: ApiHandler = async (_req, res, { viewer, query }) => {
    res.json(await notify.deliveries(viewer.principal.subject, teamScope(viewer), query as DeliveriesQuery));
  };

  const mailbox: ApiHandler = async (_req, res, { viewer }) => {
    res.json({ items: await notify.mailboxFor(viewer.principal.subject) });
  };

  /**
   * One-click unsubscribe (RFC 8058): the mail provider POSTs here, no sign-in; the token names one
   * subscription and only this server can make it. A GET (a link opened, or a scanner following
   * it) only shows a button, so nothing is unsubscribed by a prefetch.
   */
  async function unsubscribe(req: Request, res: Response) {
    const token = req.path.split("/").pop() ?? "";
    res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
    res.setHeader("Cache-Control", "no-store");
    const page = (text: string, form = false) =>
      `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Unsubscribe</title><body style="font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem"><h1 style="font-size:1.3rem">Dynamo VIP dashboard</h1><p>${text}</p>${form ? `<form method="post"><button type="submit" style="font:inherit;padding:.5rem 1rem">Unsubscribe</button></form>` : ""}</body></html>`;
    if (req.method === "GET") return void res.type("html").send(page("Stop this e-mail? Only this one subscription stops; the others stay as they are.", true));
    const row = await notify.subscriptions.unsubscribe(token);
    if (!row) return void res.status(404).type("html").send(page("This unsubscribe link is not valid (it may have been deleted already)."));
    res.type("html").send(page(`Unsubscribed from “${row.name.replace(/[<>&"]/g, "")}”. You will not get it again; its owner can turn it back on in the dashboard.`));
  }

  return { list, create, preview, patch, remove, sendNow, deliveries, mailbox, unsubscribe };
}
