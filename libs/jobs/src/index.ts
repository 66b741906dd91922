export * from './job-handlers';
export * from './jobs.module';
