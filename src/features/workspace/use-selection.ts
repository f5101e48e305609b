import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import type { Channel, Workspace } from "#contract/responses";
import { channelsQuery, workspacesQuery } from "./api";
import { readRemembered, remember } from "./remembered-selection";

export const connectedChannels = (channels: readonly Channel[], workspaceId: string | undefined) =>
  channels.filter((c) => workspaceId !== undefined && c.workspaceIds.includes(workspaceId));

/**
 * The workspace and channel the views show: from the URL when it names them (a shared link),
 * else the last choice, else the first VIP workspace and its first connected channel.
 */
export function resolveSelection(
  params: URLSearchParams,
  workspaces: readonly Workspace[],
  channels: readonly Channel[],
  remembered = readRemembered(),
): { workspaceId: string | undefined; channelId: string | undefined } {
  const known = (id: string | null | undefined) => workspaces.find((w) => w.id === id)?.id;
  const workspaceId = known(params.get("ws")) ?? known(remembered.workspaceId) ?? workspaces.find((w) => w.vip)?.id;
  const connected = connectedChannels(channels, workspaceId);
  const pick = (id: string | null | undefined) => connected.find((c) => c.id === id)?.id;
  // A channel named in the URL is kept even when not connected: the view then explains the 403.
  const channelId =
    channels.find((c) => c.id === params.get("ch"))?.id ??
    (remembered.workspaceId === workspaceId ? pick(remembered.channelId) : undefined) ??
    connected[0]?.id;
  return { workspaceId, channelId };
}

/** Catalog queries plus the resolved selection and a way to change it. */
export function useSelection() {
  const [params, setParams] = useSearchParams();
  const workspaces = useQuery(workspacesQuery());
  const channels = useQuery(channelsQuery());
  // A URL that names both is used at once, so data loads alongside the catalog (the API
  // itself refuses an unknown or non-VIP pair); otherwise the catalog decides.
  const named = params.get("ws") && params.get("ch") ? { workspaceId: params.get("ws")!, channelId: params.get("ch")! } : undefined;
  const resolved =
    workspaces.data && channels.data ? resolveSelection(params, workspaces.data, channels.data) : named;

  /** Picks a workspace (and a channel for it); view state tied to the old one is dropped. */
  const select = (workspaceId: string, channelId?: string) => {
    // The same choice as on arrival: the given channel, else the one last used there, else the first.
    const wanted = new URLSearchParams({ ws: workspaceId, ...(channelId ? { ch: channelId } : {}) });
    const channel = resolveSelection(wanted, workspaces.data ?? [], channels.data ?? []).channelId;
    const next = new URLSearchParams(params);
    next.set("ws", workspaceId);
    if (channel) next.set("ch", channel);
    else next.delete("ch");
    for (const key of ["page", "drill", "kind"]) next.delete(key);
    if (channel) remember({ workspaceId, channelId: channel });
    setParams(next, { flushSync: true });
  };

  return {
    workspaces,
    channels,
    workspaceId: resolved?.workspaceId,
    channelId: resolved?.channelId,
    /** True when the URL does not yet name what is shown (the shell then writes it in). */
    needsUrl: resolved !== undefined && (params.get("ws") !== resolved.workspaceId || params.get("ch") !== (resolved.channelId ?? null)),
    select,
  };
}
