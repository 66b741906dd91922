export * from './entities';
export * from './data-source.options';
export * from './database.module';
export { MIGRATIONS } from './migrations';
export * from './application-role';
export * from './constraint-violation';
