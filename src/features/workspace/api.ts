import { queryOptions } from "@tanstack/react-query";
import type { Channel, Workspace } from "#contract/responses";
import { apiGet } from "../../lib/api-client";

export const workspaceKeys = {
  all: ["workspace"] as const,
  workspaces: () => [...workspaceKeys.all, "workspaces"] as const,
  channels: () => [...workspaceKeys.all, "channels"] as const,
};

export const workspacesQuery = () =>
  queryOptions({
    queryKey: workspaceKeys.workspaces(),
    queryFn: ({ signal }) => apiGet<{ items: Workspace[] }>("/workspaces", {}, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });

export const channelsQuery = () =>
  queryOptions({
    queryKey: workspaceKeys.channels(),
    queryFn: ({ signal }) => apiGet<{ items: Channel[] }>("/channels", {}, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
