export * from './job-catalogue';
export * from './outbox';
export * from './outbox-relay.service';
export * from './queue.module';
export * from './queues.service';
export * from './redis-connection';
export * from './periodic-task';
