// For the TypeORM CLI only: `npx typeorm-ts-node-commonjs migration:generate -d apps/ooapi-host/src/database/host-data-source.ts apps/ooapi-host/src/database/migrations/<Name>`.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadHostConfig } from '../config/host-config';
import { hostDataSourceOptions } from './host-data-source.options';

export default new DataSource(hostDataSourceOptions(loadHostConfig().databaseUrl));
