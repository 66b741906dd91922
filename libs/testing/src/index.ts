export * from './free-port';
export * from './redis-cleanup';
export * from './test-clock';
export * from './test-database';
export * from './test-env';
export * from './wait-for';
export * from './own-systems-env';
