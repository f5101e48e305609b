import type { Request, Response } from "express";

/** A row's handler in the API route table; `param` is the value of the row's `:param` segment. */
export type ApiHandler = (req: Request, res: Response, param?: string) => void | Promise<void>;
