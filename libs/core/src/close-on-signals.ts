import { INestApplicationContext, Logger } from '@nestjs/common';

/**
 * Closes the app on the first SIGTERM or SIGINT (lifecycle hooks run: health drains, workers finish their jobs,
 * connections close) and exits 0, or 1 when closing failed or took longer than timeoutMs. Nest's own shutdown hooks re-raise the signal after
 * closing, which makes a clean stop look like a kill to the supervisor.
 */
export function closeOnSignals(
  app: INestApplicationContext,
  logger: Pick<Logger, 'log' | 'error'>,
  timeoutMs: number,
): void {
  let closing = false;
  const close = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: closing`);
    // A close that hangs (a service that does not answer) must not keep the process alive for ever.
    setTimeout(() => {
      logger.error(`Not closed within ${timeoutMs} ms: exiting anyway`);
      process.exit(1);
    }, timeoutMs).unref();
    app.close().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error(`Closing failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
}
