import 'reflect-metadata';
import { runHostCli } from './cli-commands';
import { loadHostConfig } from './config/host-config';

/** `npm run ooapi-host -- <command>`: the staff's work from a shell (see cli-commands.ts). */
runHostCli(process.argv.slice(2), loadHostConfig(), (line) =>
  process.stdout.write(`${line}\n`),
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
