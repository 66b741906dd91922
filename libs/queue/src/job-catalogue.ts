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

export interface JobPayloads {
  /** Home → host: an approved component asks the host for admission (on the host's queue). */
  'admission.deliver-request': ComponentJob;
  /** Host → home: a final result travels back for recognition (on the home institution's queue). */
  'result.deliver-home': ComponentJob;
}

export type JobName = keyof JobPayloads;
export type JobOf<N extends JobName> = JobPayloads[N];

export const JOB_NAMES: readonly JobName[] = ['admission.deliver-request', 'result.deliver-home'];

/** Deterministic ids make a duplicate enqueue a no-op in BullMQ (which rejects ':' in custom ids). */
// Every transition bumps the version, so a step sent again after 'delivery_failed' and 'redeliver' is a new job.
export function jobIdFor<N extends JobName>(name: N, data: JobOf<N>): string {
  return `${data.componentId}-${name.replace('.', '_')}-v${data.expectedVersion}`;
}

/** Attempts come from the config (JOB_ATTEMPTS): 15 by default, 1 s doubling, about nine hours in all. */
export const DEFAULT_JOB_OPTIONS = {
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10000 },
  removeOnFail: false,
} as const;
