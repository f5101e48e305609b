import type { Channel } from "#contract/responses";
import { UPSTREAM_ROUTES } from "#contract/routes";
import { mapOutcome, type ProxyAnswer } from "../http/map-outcome";
import type { UpstreamClient } from "../upstream/client";

/**
 * Whether a channel is connected to a workspace, by the vendor's channel list (through the
 * gateway, so usually its cache): an event marked on one channel must be on that workspace's
 * charts, never on a channel of another. A failing upstream is its answer, to pass on.
 */
export function createChannelCheck(upstream: UpstreamClient) {
  const route = UPSTREAM_ROUTES.channels;
  return async (workspaceId: string, channelId: string): Promise<{ ok: boolean } | { failed: ProxyAnswer }> => {
    const answer = mapOutcome(await upstream.get(route.path, new URLSearchParams(), route.kind), route.response);
    if (answer.status !== 200) return { failed: answer };
    const items = (answer.body as { items: Channel[] }).items;
    return { ok: items.some((c) => c.id === channelId && c.workspaceIds.includes(workspaceId)) };
  };
}

export type ChannelCheck = ReturnType<typeof createChannelCheck>;
