import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@lr/config';
import { preflight, startupFailure } from '@lr/core';
import {
  InstitutionEntity,
  PersonEntity,
  applicationRoleOf,
  dataSourceOptions,
  migrate,
} from '@lr/database';
import { REGISTERED_INSTITUTIONS, seedInstitutions } from '@lr/institutions';
import { issueDevToken } from './issue-dev-token';

const USAGE = `Usage: npm run cli -- <command>
  migrate          apply pending migrations, then grant the application's role (DATABASE_URL's user) its rights
  seed             add the registered institutions, and with NODE_ENV=development or test their demo offerings and people (idempotent)
  setup            migrate, then seed when the database has no institutions yet
  token <person>   ask the running API for a development token for a seeded person (npm run token -- macca)
  people           list the seeded people`;

async function main(args: string[]): Promise<void> {
  const [command, arg] = args;
  const config = loadConfig();
  if (!command || !['migrate', 'seed', 'setup', 'token', 'people'].includes(command)) {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = command ? 2 : 0;
    return;
  }
  if (command === 'token') {
    if (!arg) throw new Error('Name a person: npm run token -- macca (see npm run cli -- people)');
    process.stdout.write(`${await issueDevToken(config, arg)}\n`);
    return;
  }
  // The schema's owner does the work here; the application's role may not exist yet.
  const ownerUrl = config.migrationDatabaseUrl;
  await preflight({ ...config, databaseUrl: ownerUrl });
  const dataSource = await new DataSource(dataSourceOptions(ownerUrl)).initialize();
  try {
    if (command === 'migrate' || command === 'setup') {
      const role = applicationRoleOf(config.databaseUrl, ownerUrl);
      const applied = await migrate(dataSource, role);
      process.stdout.write(
        `Migrations: ${applied} applied.${role ? ` Privileges granted to ${role.name}.` : ''}\n`,
      );
    }
    if (command === 'seed' || command === 'setup') {
      const empty = (await dataSource.manager.count(InstitutionEntity)) === 0;
      if (command === 'seed' || empty) {
        await dataSource.transaction((em) =>
          seedInstitutions(em, REGISTERED_INSTITUTIONS, { demo: config.developmentMode }),
        );
        process.stdout.write(
          `Seeded ${REGISTERED_INSTITUTIONS.length} institutions${config.developmentMode ? ' and their demo offerings and people' : ' (no demo offerings and no demo people: NODE_ENV is production, the default when unset; admins enter their offerings through the API)'}.\n`,
        );
      }
    }
    if (command === 'people') {
      const people = await dataSource.manager.find(PersonEntity, {
        order: { institutionCode: 'ASC', id: 'ASC' },
      });
      for (const p of people)
        process.stdout.write(
          `${p.id.padEnd(22)} ${p.role.padEnd(16)} ${p.institutionCode.padEnd(12)} ${p.name}\n`,
        );
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch(startupFailure);
