import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { closeOnSignals } from '@lr/core';
import { HOST_INSTITUTION, loadHostConfig } from './config/host-config';
import { createHostApp, startHostApp } from './host-app';

/** `node dist/apps/ooapi-host/src/main.js`: the demo institution system, standalone. */
async function main(): Promise<void> {
  const config = loadHostConfig();
  const app = await createHostApp(config);
  closeOnSignals(app, new Logger('ooapi-host'), 10_000);
  await startHostApp(app, config);
  new Logger('ooapi-host').log(
    `${HOST_INSTITUTION.name} (demo institution system) on ${config.publicUrl}: OOAPI ${config.publicUrl}/ooapi/v5, ` +
      `authorization server ${config.issuer}, staff screen ${config.publicUrl}/staff; callbacks to ${config.leerroutesUrl}`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The demo institution system could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
