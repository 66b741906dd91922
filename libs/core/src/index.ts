export * from './core.module';
export * from './startup-failure';
export * from './preflight';
export * from './close-on-signals';
