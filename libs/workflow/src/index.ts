// What people and administrators do: each a use case that reads, asks the domain and hands its decision on.
export * from './commands/catalogue-syncs-admin.use-case';
export * from './commands/create-request.use-case';
export * from './commands/decide-admission.use-case';
export * from './commands/decide-approval.use-case';
export * from './commands/decide-recognition.use-case';
export * from './commands/delivery-failures.use-case';
export * from './commands/lodge-objection.use-case';
export * from './commands/offerings-admin.use-case';
export * from './commands/people-provisioning';
export * from './commands/record-result.use-case';
export * from './commands/register-credits.use-case';
export * from './commands/student-register.use-case';
export * from './commands/submit-request.use-case';
export * from './commands/withdraw.use-case';

// What people read: inboxes, views, lists, exports.
export * from './queries/audit.query';
export * from './queries/catalogue.query';
export * from './queries/credit-record.query';
export * from './queries/inbox.query';
export * from './queries/notifications.query';
export * from './queries/ooapi-catalogue.query';
export * from './queries/pagination';
export * from './queries/personal-data-export.query';
export * from './queries/request-views.query';

// What the worker does: the system's own steps, timers, e-mail, hosts' systems, the reconciler.
export * from './jobs/association-changes';
export * from './jobs/association-message';
export * from './jobs/audit-address-retention';
export * from './jobs/catalogue-sync-runs';
export * from './jobs/catalogue-sync.mapping';
export * from './jobs/catalogue-sync.use-case';
export * from './jobs/deliver-admission-request.use-case';
export * from './jobs/delivery-reconciler';
export * from './jobs/email-notifications.use-case';
export * from './jobs/host-associations.use-case';
export * from './jobs/receive-result.use-case';
export * from './jobs/timer-jobs.use-case';

// The one place that changes requests: the store (read, lock, decide) and the writer of decisions.
export * from './writer/notifier';
export * from './writer/offering-writer';
export * from './writer/pending-job';
export * from './writer/request-store';
export * from './writer/timers';
export * from './writer/transition-writer';

// Facts the others share: scopes, people, offerings, OOAPI identifiers and mappings.
export * from './shared/component-scope';
export * from './shared/ooapi-catalogue.mapping';
export * from './shared/ooapi-ids';
export * from './shared/tuition-proofs';

export * from './workflow.module';
