import type { Dataset, ChannelData } from "../data/dataset";
import type { LocalStorage } from "../storage";

export interface SimContext {
  dataset: Dataset;
  storage: LocalStorage;
  /** The simulator's clock (real time plus its adjustable offset). */
  now: number;
  /** Origin the simulator is reachable at, for signed Storage URLs. */
  origin: string;
}

export interface SimReply {
  status: number;
  body: unknown;
}

export const reply = (status: number, body: unknown): SimReply => ({ status, body });

/**
 * The VIP gate of every data route: unknown workspace or channel is 404; a workspace that is
 * not VIP, or a channel not connected to it, is 403 (API.md's assumed statuses).
 */
export function gate(ctx: SimContext, workspaceId: string, mediumId: string): ChannelData | SimReply {
  const workspace = ctx.dataset.workspaces.find((w) => w.id === workspaceId);
  if (!workspace) return reply(404, { message: `Workspace "${workspaceId}" was not found` });
  const channel = ctx.dataset.channels.find((c) => c.id === mediumId);
  if (!channel) return reply(404, { message: `Channel "${mediumId}" was not found` });
  if (!workspace.vip) return reply(403, { message: `Workspace "${workspace.name}" is not a VIP workspace` });
  if (!channel.workspaceIds.includes(workspaceId)) {
    return reply(403, { message: `Channel "${channel.name}" is not connected to workspace "${workspace.name}"` });
  }
  return ctx.dataset.channelData(workspaceId, mediumId);
}

export const isReply = (value: ChannelData | SimReply): value is SimReply => "status" in value;
