/**
 * Every job the system knows: name → payload. Names follow `<area>.<verb-noun>`; they are stored in Redis with
 * each queued job, so renaming one strands the jobs already queued under the old name.
 * Payloads carry ids and the version they expect, never whole entities: the processor reads the rows again.
 */
export interface ComponentJob {
  requestId: string;
  componentId: string;
  /** The component's version when the job was caused; a job that finds another version does nothing. */
  expectedVersion: number;
}

export interface NotificationJob {
  notificationId: string;
}

/**
 * A synchronisation of an institution's catalogue from its own system. A run an admin asks for carries the key
 * its record was made with (its job id comes from it); the schedule's runs carry none: BullMQ's job scheduler
 * gives their ids, and the run is recorded under that id when it starts.
 */
export interface CatalogueSyncJob {
  institutionCode: string;
  runKey?: string;
}

/** The job as its handler may need it beyond the payload: which job, and which of its attempts this is. */
export interface JobContext {
  id: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** The attempts the job has in all (JOB_ATTEMPTS). */
  attempts: number;
}

export interface JobPayloads {
  /** Home → host: an approved component asks the host for admission (on the host's queue). */
  'admission.deliver-request': ComponentJob;
  /** Host → home: a final result travels back for recognition (on the home institution's queue). */
  'result.deliver-home': ComponentJob;
  /** Timer: the exam board's decision term is running out (delayed, on the home institution's queue). */
  'timer.decision-reminder': ComponentJob;
  /** Timer: the exam board's decision term has passed. */
  'timer.decision-overdue': ComponentJob;
  /** Timer: the offering's enrolment deadline has passed without a host decision (on the host's queue). */
  'timer.enrolment-deadline': ComponentJob;
  /** Sends one notification by e-mail (on the notifications queue). */
  'notification.send-email': NotificationJob;
  /**
   * Home → a host's own system (over OOAPI): the student withdrew, or the component expired, after the host
   * made an association; it is canceled there (on the host's queue).
   */
  'association.cancel': ComponentJob;
  /** Reads an institution's catalogue from its own system (over OOAPI) into its offerings (on its queue). */
  'catalogue.sync': CatalogueSyncJob;
}

export type JobName = keyof JobPayloads;
export type JobOf<N extends JobName> = JobPayloads[N];

export const JOB_NAMES: readonly JobName[] = [
  'admission.deliver-request',
  'result.deliver-home',
  'timer.decision-reminder',
  'timer.decision-overdue',
  'timer.enrolment-deadline',
  'notification.send-email',
  'association.cancel',
  'catalogue.sync',
];

/** The queue for notifications; the workflow's jobs go to each institution's own queue. */
export const NOTIFICATIONS_QUEUE = 'notifications';

const CATALOGUE_SYNC_JOB = 'catalogue-sync-';

/** A notification's e-mail job is this and the notification's id (the transition writer makes it in SQL). */
export const EMAIL_JOB_PREFIX = 'email-';

const componentJobId = (name: JobName, data: ComponentJob) =>
  `${data.componentId}-${name.replace('.', '_')}-v${data.expectedVersion}`;

// Every transition bumps the version, so a step sent again after 'delivery_failed' and 'redeliver' is a new job.
const JOB_ID: { [N in JobName]: (data: JobOf<N>) => string } = {
  'admission.deliver-request': (d) => componentJobId('admission.deliver-request', d),
  'result.deliver-home': (d) => componentJobId('result.deliver-home', d),
  'timer.decision-reminder': (d) => componentJobId('timer.decision-reminder', d),
  'timer.decision-overdue': (d) => componentJobId('timer.decision-overdue', d),
  'timer.enrolment-deadline': (d) => componentJobId('timer.enrolment-deadline', d),
  'notification.send-email': (d) => `${EMAIL_JOB_PREFIX}${d.notificationId}`,
  'association.cancel': (d) => componentJobId('association.cancel', d),
  // A scheduled run never comes through here (the scheduler names its jobs): an unkeyed one is one at a time.
  'catalogue.sync': (d) => `${CATALOGUE_SYNC_JOB}${d.runKey ?? d.institutionCode}`,
};

/** The run key in the id of a requested synchronisation's job (the reverse of its JOB_ID). */
export function runKeyOf(catalogueSyncJobId: string): string {
  return catalogueSyncJobId.slice(CATALOGUE_SYNC_JOB.length);
}

/**
 * The BullMQ job scheduler that makes an institution's synchronisation jobs every CATALOGUE_SYNC_INTERVAL_MS.
 * Its id lives in Redis: renaming it leaves the old scheduler making jobs.
 */
export function catalogueSyncSchedulerId(institutionCode: string): string {
  return `catalogue-sync-schedule-${institutionCode}`;
}

/** Deterministic ids make a duplicate enqueue a no-op in BullMQ (which rejects ':' in custom ids). */
export function jobIdFor<N extends JobName>(name: N, data: JobOf<N>): string {
  return (JOB_ID[name] as (data: JobOf<N>) => string)(data);
}

/**
 * Attempts come from the config: JOB_ATTEMPTS (15) for the workflow's jobs, EMAIL_ATTEMPTS (12) for e-mail; 1 s
 * doubling, up to JOB_BACKOFF_MAX_MS (retryDelayMs, which the workers apply). A job that failed for good is kept
 * a week for inspection, at most a thousand per queue: what it means is in the database (a component's delivery_failed_at, a notification's email_failed_reason), and the
 * reconciler adds a job again, from the database, when one it still needs is gone.
 */
export const DEFAULT_JOB_OPTIONS = {
  backoff: { type: 'doubling-capped', delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
} as const;

/**
 * Thrown by a timer's handler when the workflow's clock says it is early (the clock moved, or Redis' delay and
 * ours disagree): the worker puts the job back to wait the rest.
 */
export class NotYetDueError extends Error {
  constructor(readonly remainingMs: number) {
    super(`Not yet due: ${remainingMs} ms to go`);
    this.name = 'NotYetDueError';
  }
}

/**
 * Thrown by a handler when trying again cannot help (a mail server that refuses a message for good, a recipient
 * without an address), after it has recorded the failure: the worker fails the job at once.
 */
export class FailedForGoodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FailedForGoodError';
  }
}

/**
 * The wait before a failed job's next attempt ('doubling-capped'): 1 s, doubling with each attempt made, never
 * more than `maxMs`. A deployment keeps the whole doubling (the default cap is past the last attempt's wait);
 * a test of many faults caps it so that a run of failures does not outlast the test.
 */
export function retryDelayMs(attemptsMade: number, maxMs: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attemptsMade - 1), maxMs);
}
