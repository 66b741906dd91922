// Used by the TypeORM CLI to generate migrations: `npx typeorm-ts-node-commonjs migration:generate -d libs/database/src/data-source.ts`.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '@lr/config';
import { dataSourceOptions } from './data-source.options';

// The owner's connection: generating a migration compares the schema as its owner sees it.
export default new DataSource(dataSourceOptions(loadConfig().migrationDatabaseUrl));
