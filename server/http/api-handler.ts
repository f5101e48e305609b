import type { Request, Response } from "express";
import type { Viewer } from "../auth/principal";

/** What the router hands a protected route's handler: who asks, and the row's `:param`. */
export interface RouteContext {
  viewer: Viewer;
  param: string | undefined;
  /** The request's parameters: the query string for GET, the JSON body for POST. */
  input: Record<string, unknown>;
}

export type ApiHandler = (req: Request, res: Response, ctx: RouteContext) => void | Promise<void>;
