import { queryOptions, useQuery } from "@tanstack/react-query";
import type { TeamEvent } from "#contract/events";
import { apiGet, apiSend } from "../../lib/api-client";

export interface EventsScope {
  workspaceId: string;
  channelId: string;
  /** Calendar days, inclusive: the events touching them. */
  from: string;
  to: string;
}

export interface EventsPage {
  items: TeamEvent[];
  truncated: boolean;
  message?: string;
}

export const eventKeys = {
  all: ["team-events"] as const,
  range: (scope: EventsScope) => [...eventKeys.all, scope] as const,
};

export const eventsQuery = (scope: EventsScope) =>
  queryOptions({ queryKey: eventKeys.range(scope), queryFn: ({ signal }) => apiGet<EventsPage>("/events", { ...scope }, signal), staleTime: 30_000 });

/** The events a chart of this range marks (the channel's, and the workspace's for every channel). */
export function useTeamEvents(scope: EventsScope | undefined) {
  return useQuery({ ...eventsQuery(scope ?? { workspaceId: "", channelId: "", from: "", to: "" }), enabled: scope !== undefined });
}

/** What the form sends: the API's own field names (a nested body names the channel `mediumId`). */
export interface EventBody {
  workspaceId: string;
  mediumId?: string;
  title: string;
  start: string;
  end?: string;
  link?: string;
}

export const createEvent = (body: EventBody) => apiSend<{ event: TeamEvent }>("POST", "/events", body);
export const patchEvent = (id: string, patch: Record<string, unknown>) => apiSend<{ event: TeamEvent }>("PATCH", `/events/${id}`, patch);
export const deleteEvent = (id: string) => apiSend<void>("DELETE", `/events/${id}`);
export const importEvents = (body: { workspaceId: string; mediumId?: string; csv: string }) => apiSend<{ events: TeamEvent[] }>("POST", "/events/import", body);
