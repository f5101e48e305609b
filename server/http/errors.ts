import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "../logger";

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ message: "Not found." });
};

/** The one error handler: a JSON message, never a stack trace; the details go to the log. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : 500;
    const clientError = status >= 400 && status < 500;
    if (!clientError) {
      logger.error({ requestId: res.locals.requestId, err: { name: (error as Error).name, message: (error as Error).message } }, "unhandled error");
    }
    const message = status === 404 ? "Not found." : clientError ? "The request could not be read." : "Something went wrong on the dashboard server. Try again.";
    res.status(clientError ? status : 500).json({ message });
  };
}
