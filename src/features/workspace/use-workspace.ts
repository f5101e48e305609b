import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import type { Channel, Workspace } from "#contract/responses";
import { channelsQuery, workspacesQuery } from "./api";
import { readRemembered, remember } from "./remembered-workspace";

/** The workspace and channel in a view's URL: short keys, since every link carries them. */
export const URL_KEYS = { workspace: "ws", channel: "ch" } as const;

export const connectedChannels = (channels: readonly Channel[], workspaceId: string | undefined) =>
  channels.filter((c) => workspaceId !== undefined && c.workspaceIds.includes(workspaceId));

/**
 * The workspace and channel the views show: from the URL when it names them (a shared link),
 * else the last choice, else the first VIP workspace and its first connected channel.
 */
export function resolveWorkspace(
  params: URLSearchParams,
  workspaces: readonly Workspace[],
  channels: readonly Channel[],
  remembered = readRemembered(),
): { workspaceId: string | undefined; channelId: string | undefined } {
  const known = (id: string | null | undefined) => workspaces.find((w) => w.id === id)?.id;
  const workspaceId = known(params.get(URL_KEYS.workspace)) ?? known(remembered.workspaceId) ?? workspaces.find((w) => w.vip)?.id;
  const connected = connectedChannels(channels, workspaceId);
  const pick = (id: string | null | undefined) => connected.find((c) => c.id === id)?.id;
  // A channel named in the URL is kept even when not connected: the view then explains the 403.
  const channelId =
    channels.find((c) => c.id === params.get(URL_KEYS.channel))?.id ??
    (remembered.workspaceId === workspaceId ? pick(remembered.channelId) : undefined) ??
    connected[0]?.id;
  return { workspaceId, channelId };
}

/**
 * The ids a link names that are not in the lists (the lists hold only what this person may
 * see): the view then says so instead of quietly showing another workspace.
 */
export function unknownInLink(
  params: URLSearchParams,
  workspaces: readonly Workspace[],
  channels: readonly Channel[],
): { workspaceId?: string; channelId?: string } | undefined {
  const ws = params.get(URL_KEYS.workspace);
  const ch = params.get(URL_KEYS.channel);
  const workspaceId = ws !== null && !workspaces.some((w) => w.id === ws) ? ws : undefined;
  const channelId = ch !== null && !channels.some((c) => c.id === ch) ? ch : undefined;
  return workspaceId !== undefined || channelId !== undefined ? { workspaceId, channelId } : undefined;
}

/** The workspace and channel lists, the chosen pair, and a way to change it. */
/**
 * `scopedKeys`: the URL keys whose values belong to one workspace (a page number, an open bar),
 * each declared by the feature that owns it and composed by the app shell: dropped when the
 * workspace changes, so no view opens on another workspace's page or bar.
 */
export function useWorkspace(scopedKeys: readonly string[] = []) {
  const [params, setParams] = useSearchParams();
  const workspaces = useQuery(workspacesQuery());
  const channels = useQuery(channelsQuery());
  // A URL that names both is used at once, so data loads alongside the lists (the API
  // itself refuses an unknown or non-VIP pair); otherwise the lists decide.
  const named = params.get(URL_KEYS.workspace) && params.get(URL_KEYS.channel) ? { workspaceId: params.get(URL_KEYS.workspace)!, channelId: params.get(URL_KEYS.channel)! } : undefined;
  const resolved =
    workspaces.data && channels.data ? resolveWorkspace(params, workspaces.data, channels.data) : named;
  const unknown = workspaces.data && channels.data ? unknownInLink(params, workspaces.data, channels.data) : undefined;

  /** Picks a workspace (and a channel for it); view state tied to the old one is dropped. */
  const select = (workspaceId: string, channelId?: string) => {
    // The same choice as on arrival: the given channel, else the one last used there, else the first.
    const wanted = new URLSearchParams({ [URL_KEYS.workspace]: workspaceId, ...(channelId ? { [URL_KEYS.channel]: channelId } : {}) });
    const channel = resolveWorkspace(wanted, workspaces.data ?? [], channels.data ?? []).channelId;
    const next = new URLSearchParams(params);
    next.set(URL_KEYS.workspace, workspaceId);
    if (channel) next.set(URL_KEYS.channel, channel);
    else next.delete(URL_KEYS.channel);
    for (const key of scopedKeys) next.delete(key);
    if (channel) remember({ workspaceId, channelId: channel });
    setParams(next, { flushSync: true });
  };

  return {
    workspaces,
    channels,
    workspaceId: resolved?.workspaceId,
    channelId: resolved?.channelId,
    /** Ids the link names that this person cannot see (or that do not exist). */
    unknown,
    /** True when the URL does not yet name what is shown (the shell then writes it in). */
    needsUrl:
      resolved !== undefined &&
      unknown === undefined &&
      (params.get(URL_KEYS.workspace) !== resolved.workspaceId || params.get(URL_KEYS.channel) !== (resolved.channelId ?? null)),
    select,
  };
}
