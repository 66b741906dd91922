import { DataSourceOptions } from 'typeorm';
import { HOST_ENTITIES } from './entities';
import { HOST_MIGRATIONS } from './migrations';

/**
 * The demo institution's own database, apart from Leerroutes': its own entities, migrations and migrations
 * table. The server, its CLI, the migration generator and the tests all use this one description.
 */
export function hostDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: HOST_ENTITIES,
    migrations: HOST_MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    extra: { max: 5 },
  };
}
