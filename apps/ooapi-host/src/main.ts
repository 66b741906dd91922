import 'reflect-metadata';
import { closeOnSignals } from '@lr/core';
import { HOST_INSTITUTION, loadHostConfig } from './config/host-config';
import { createHostApp, startHostApp } from './host-app';

/** Lines of its own; Nest's own start-up lines are left out (it runs beside Leerroutes' API and worker). */
const say = {
  log: (line: string) => process.stdout.write(`[ooapi-host] ${line}\n`),
  error: (line: string) => process.stderr.write(`[ooapi-host] ${line}\n`),
};

/** `node dist/apps/ooapi-host/src/main.js`: the demo institution system, standalone. */
async function main(): Promise<void> {
  const config = loadHostConfig();
  const app = await createHostApp(config);
  closeOnSignals(app, say, 10_000);
  await startHostApp(app, config);
  say.log(
    `${HOST_INSTITUTION.name} (demo institution system) on ${config.publicUrl}: OOAPI ${config.ooapiAudience}, ` +
      `authorization server ${config.issuer}, staff screen ${config.publicUrl}/staff; callbacks to ${config.leerroutesUrl}`,
  );
}

main().catch((error: unknown) => {
  say.error(
    `The demo institution system could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
