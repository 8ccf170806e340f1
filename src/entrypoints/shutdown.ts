/**
 * Runs `stop` once on the first SIGINT/SIGTERM and exits; a second signal exits at once, for when a
 * dependency hangs on the way down.
 */
export function onShutdownSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`Received ${signal} again; exiting now.`);
      process.exit(1);
    }
    stopping = true;
    console.error(`Received ${signal}; shutting down...`);
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('Shutdown failed:', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** Prints a configuration error plainly (no stack trace) and exits. */
export function exitOnStartupError(err: unknown): never {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
