/**
 * The workspace and channel a request is about, by the dashboard's names. The vendor's API calls
 * a channel a "medium" (`mediumId`); that name lives only at the edges that speak the vendor's
 * parameters (this contract's query schemas, the upstream calls, the SPA's API client), and these
 * two functions are the server's only translation.
 */
export interface ChannelScope {
  workspaceId: string;
  channelId: string;
}

/** The vendor's name of the channel parameter. */
export const VENDOR_CHANNEL_PARAM = "mediumId" as const;

/** The scope of a parsed query, when the route has one (both ids present as strings). */
export function scopeOfQuery(query: Record<string, unknown>): ChannelScope | undefined {
  const { workspaceId, [VENDOR_CHANNEL_PARAM]: channelId } = query;
  return typeof workspaceId === "string" && typeof channelId === "string" ? { workspaceId, channelId } : undefined;
}

/** The scope as the vendor's parameters. */
export function vendorScopeParams(scope: ChannelScope): { workspaceId: string; mediumId: string } {
  return { workspaceId: scope.workspaceId, mediumId: scope.channelId };
}
