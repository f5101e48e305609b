import type { Response } from "express";
import type { EventImport, EventInput, EventPatch, EventsQuery } from "#contract/event-schemas";
import type { TeamEvent } from "#contract/events";
import { parseCalendarDay } from "#contract/upcoming-birthdays";
import type { AccessGuard } from "../access/access-guard";
import type { AuditLog } from "../audit/audit-log";
import type { ApiHandler } from "../http/api-handler";
import { actorOf, type Viewer } from "../identity/principal";
import { EVENTS_LIST_MAX, type EventStore } from "./event-store";
import { parseEventRows } from "./parse-event-rows";
import type { ChannelCheck } from "./channel-check";
import { sendAnswer } from "../http/send-answer";

export interface EventRouteDeps {
  events: EventStore;
  access: AccessGuard;
  audit: AuditLog;
  /** Whether a channel belongs to the workspace (the vendor's channel list). */
  channelIn: ChannelCheck;
}

/** What the audit log keeps of an event: where and when, never its words (a title is free text). */
const auditDetails = (e: TeamEvent) => ({ eventId: e.id, start: e.start, end: e.end, channel: e.mediumId ?? "all" });

/** The last day after a change: as given; `null` makes it a one-day event; a one-day event moved stays one day. */
function endAfter(event: TeamEvent, change: EventPatch, start: string): string {
  if (change.end === null) return start;
  if (change.end !== undefined) return change.end;
  return event.end === event.start ? start : event.end;
}

const spanProblem = (res: Response) =>
  res.status(400).json({ error: [{ message: '"end" must be on or after "start"', path: ["end"], type: "event.span", context: { key: "end" } }] });

/**
 * The team's events: everyone who sees a workspace's overview sees its events; analysts and
 * above add, change and delete them. Every change is audited.
 */
export function createEventRoutes(deps: EventRouteDeps) {
  /** An event of one channel: that channel must be the workspace's; otherwise answered (400, or the upstream's failure). */
  async function channelOk(res: Response, workspaceId: string, channelId: string | null | undefined): Promise<boolean> {
    if (!channelId) return true;
    const checked = await deps.channelIn(workspaceId, channelId);
    if ("failed" in checked) {
      sendAnswer(res, checked.failed);
      return false;
    }
    if (!checked.ok) {
      res.status(400).json({ error: [{ message: `"mediumId" ${channelId} is not a channel of workspace ${workspaceId}`, path: ["mediumId"], type: "event.channel", context: { key: "mediumId" } }] });
      return false;
    }
    return true;
  }

  /** The event, when the viewer may change it; otherwise answered (404 when they cannot see it at all, else 403). */
  async function changeable(res: Response, viewer: Viewer, id: string | undefined): Promise<TeamEvent | undefined> {
    const event = id ? await deps.events.get(id) : undefined;
    if (!event || !deps.access.permits(viewer, "overview", event.workspaceId)) {
      res.status(404).json({ message: "There is no such event (it may have been deleted)." });
      return undefined;
    }
    if (!deps.access.permits(viewer, "events", event.workspaceId)) {
      await deps.access.refuse(res, viewer, "events", event.workspaceId);
      return undefined;
    }
    return event;
  }

  const list: ApiHandler = async (_req, res, { query }) => {
    // The store answers one more than the cap, so a cut is known and said, never silent.
    const items = await deps.events.list(query as EventsQuery);
    if (items.length > EVENTS_LIST_MAX) {
      return void res.json({ items: items.slice(0, EVENTS_LIST_MAX), truncated: true, message: `Showing the first ${EVENTS_LIST_MAX} events of this range; choose a shorter range to see the rest.` });
    }
    res.json({ items, truncated: false });
  };

  const create: ApiHandler = async (_req, res, { viewer, query }) => {
    const input = query as EventInput;
    if (!(await channelOk(res, input.workspaceId, input.mediumId))) return;
    const event = await deps.events.create(input, actorOf(viewer.principal));
    await deps.audit.record({ actor: actorOf(viewer.principal), action: "event_created", workspaceId: event.workspaceId, channelId: event.mediumId ?? undefined, details: auditDetails(event) });
    res.status(201).json({ event });
  };

  const patch: ApiHandler = async (_req, res, { viewer, query, param }) => {
    const event = await changeable(res, viewer, param);
    if (!event) return;
    const change = query as EventPatch;
    if (!(await channelOk(res, event.workspaceId, change.mediumId))) return;
    const start = change.start ?? event.start;
    const end = endAfter(event, change, start);
    if ((parseCalendarDay(end) ?? 0) < (parseCalendarDay(start) ?? 0)) return void spanProblem(res);
    const updated = await deps.events.update(event.id, { ...change, end });
    await deps.audit.record({
      actor: actorOf(viewer.principal),
      action: "event_updated",
      workspaceId: updated.workspaceId,
      channelId: updated.mediumId ?? undefined,
      details: { ...auditDetails(updated), changed: Object.keys(change).sort(), before: { start: event.start, end: event.end, channel: event.mediumId ?? "all" } },
    });
    res.json({ event: updated });
  };

  const remove: ApiHandler = async (_req, res, { viewer, param }) => {
    const event = await changeable(res, viewer, param);
    if (!event) return;
    await deps.events.remove(event.id);
    await deps.audit.record({ actor: actorOf(viewer.principal), action: "event_deleted", workspaceId: event.workspaceId, channelId: event.mediumId ?? undefined, details: auditDetails(event) });
    res.status(204).end();
  };

  const importRows: ApiHandler = async (_req, res, { viewer, query }) => {
    const input = query as EventImport;
    if (!(await channelOk(res, input.workspaceId, input.mediumId))) return;
    const parsed = parseEventRows(input.csv, input);
    if (!parsed.ok) {
      return void res.status(400).json({
        message: `Nothing was added: ${parsed.problems.length === 1 ? "a row needs" : `${parsed.problems.length} rows need`} a fix.`,
        problems: parsed.problems,
        error: parsed.problems.map((p) => ({ message: `Row ${p.row}: ${p.message}`, path: ["csv"], type: "event.row", context: { key: "csv", row: p.row } })),
      });
    }
    const created = await deps.events.createMany(parsed.events, actorOf(viewer.principal));
    for (const event of created) {
      await deps.audit.record({ actor: actorOf(viewer.principal), action: "event_created", workspaceId: event.workspaceId, channelId: event.mediumId ?? undefined, details: { ...auditDetails(event), imported: true } });
    }
    res.status(201).json({ events: created });
  };

  return { list, create, patch, remove, importRows };
}
