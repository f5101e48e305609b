import type { Request, Response } from "express";
import type { ChannelScope } from "#contract/channel-scope";
import type { Viewer } from "../identity/principal";

/** What the router hands a protected route's handler: who asks, and the row's `:param`. */
export interface RouteContext {
  viewer: Viewer;
  param: string | undefined;
  /** The same parameters parsed by the route's schema (the contract's): what handlers read. */
  query: Record<string, unknown>;
  /** The validated parameters as an upstream query string: each once, all known, never the raw string. */
  forward: URLSearchParams;
  /** The workspace and channel asked about, by the dashboard's names, when the route has them. */
  scope: ChannelScope | undefined;
}

export type ApiHandler = (req: Request, res: Response, ctx: RouteContext) => void | Promise<void>;
