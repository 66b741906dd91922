import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The one description of the schema: the app, the CLI, the migration generator and the tests all use it. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // Schema changes go through reviewed migrations only, tests included.
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20 },
  };
}
