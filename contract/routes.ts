import type { z } from "zod";
import {
  emptyQuerySchema,
  labelOverviewQuerySchema,
  vipMessagesExportQuerySchema,
  vipMessagesQuerySchema,
  vipUsersExportQuerySchema,
  vipUsersQuerySchema,
} from "./query";
import {
  channelsResponseSchema,
  exportResponseSchema,
  labelOverviewSchema,
  vipMessagesPageSchema,
  vipUsersPageSchema,
  workspacesResponseSchema,
} from "./responses";

/**
 * The fixed set of upstream GET routes. The proxy exposes each at `/api` + path and nothing
 * else; the simulator implements exactly these. `kind` picks the deadline: exports write a
 * whole CSV upstream and get longer.
 */
export interface UpstreamRoute {
  path: string;
  kind: "list" | "export";
  query: z.ZodType;
  response: z.ZodType;
}

export const UPSTREAM_ROUTES = {
  workspaces: { path: "/workspaces", kind: "list", query: emptyQuerySchema, response: workspacesResponseSchema },
  channels: { path: "/channels", kind: "list", query: emptyQuerySchema, response: channelsResponseSchema },
  vipUsers: { path: "/vip-users", kind: "list", query: vipUsersQuerySchema, response: vipUsersPageSchema },
  vipUsersExport: {
    path: "/vip-users/export",
    kind: "export",
    query: vipUsersExportQuerySchema,
    response: exportResponseSchema,
  },
  vipMessages: { path: "/vip-messages", kind: "list", query: vipMessagesQuerySchema, response: vipMessagesPageSchema },
  vipMessagesExport: {
    path: "/vip-messages/export",
    kind: "export",
    query: vipMessagesExportQuerySchema,
    response: exportResponseSchema,
  },
  labelOverview: {
    path: "/vip-labels/overview",
    kind: "list",
    query: labelOverviewQuerySchema,
    response: labelOverviewSchema,
  },
} as const satisfies Record<string, UpstreamRoute>;

export type UpstreamRouteName = keyof typeof UPSTREAM_ROUTES;
