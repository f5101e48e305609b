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
    destination ?? stdoutInBatches(),
  );
}

/**
 * Standard output written in batches of up to 4 KiB rather than one write per line: a request
 * log line per request cost a system call each, a fifth of a busy server's time. A line waits at
 * most a quarter of a second (or until 4 KiB are waiting), and what waits is written out before
 * the process exits. One such stream for the process, whatever the number of loggers.
 */
let batched: ReturnType<typeof pino.destination> | undefined;
function stdoutInBatches(): DestinationStream {
  if (!batched) {
    const destination = pino.destination({ dest: 1, minLength: 4096, sync: false });
    setInterval(() => destination.flush(), 250).unref();
    process.once("exit", () => {
      // Best effort: a closed standard output (a reader gone) must not turn a clean exit into a crash.
      try {
        destination.flushSync();
      } catch {
        // nothing more can be written
      }
    });
    batched = destination;
  }
  return batched;
}
export type { Logger };
