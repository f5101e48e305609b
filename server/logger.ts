import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Structured logs. Nothing that could carry the secret, a signature, message texts or
 * personal fields is ever passed to the logger; the redaction below is a second line of
 * defence for headers should someone log a request object by mistake.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ["*.headers", "headers", "*.x-signature", "*.x-api-key", "secret", "*.secret", "apiSecret", "*.apiSecret"],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

export type { Logger };
