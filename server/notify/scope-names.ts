import type { ChannelScope } from "#contract/channel-scope";
import type { Channel, Workspace } from "#contract/responses";
import { UPSTREAM_ROUTES } from "#contract/routes";
import { mapOutcome } from "../http/map-outcome";
import type { UpstreamClient } from "../upstream/client";

/**
 * The workspace and channel as people know them ("Aurora Games / Aurora · Messenger"), for the
 * words of a digest or an alert. The catalog calls are cached by the gateway; if they fail, the
 * ids stand in, since a message that names its channel by id is still worth sending.
 */
export async function scopeNames(upstream: UpstreamClient, scope: ChannelScope): Promise<string> {
  const name = async <T extends { id: string; name: string }>(route: (typeof UPSTREAM_ROUTES)["workspaces" | "channels"], id: string) => {
    const answer = mapOutcome(await upstream.get(route.path, new URLSearchParams(), route.kind), route.response);
    return answer.status === 200 ? ((answer.body as { items: T[] }).items.find((item) => item.id === id)?.name ?? id) : id;
  };
  const [workspace, channel] = await Promise.all([name<Workspace>(UPSTREAM_ROUTES.workspaces, scope.workspaceId), name<Channel>(UPSTREAM_ROUTES.channels, scope.channelId)]);
  return `${workspace} / ${channel}`;
}
