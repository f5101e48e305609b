import type { Response } from "express";
import type { ProxyAnswer } from "./map-outcome";

/** Sends a mapped answer, recording the upstream status for the request log. */
export function sendAnswer(res: Response, answer: ProxyAnswer) {
  res.locals.upstreamStatus = answer.upstreamStatus;
  for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
  if (answer.raw) {
    res.status(answer.status).type("application/json").end(answer.raw);
    return;
  }
  res.status(answer.status).json(answer.body);
}
