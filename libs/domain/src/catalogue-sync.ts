/**
 * One synchronisation of an institution's catalogue from its own system (a run): asked for by an admin or due
 * by the schedule, waiting for a worker, at work, trying again after an attempt failed, and at last completed
 * (perhaps with offerings it could not take, each an error of the run) or failed (nothing was changed).
 */
export const CATALOGUE_SYNC_STATUSES = [
  'queued',
  'running',
  'retrying',
  'completed',
  'failed',
] as const;
export type CatalogueSyncStatus = (typeof CATALOGUE_SYNC_STATUSES)[number];

export const CATALOGUE_SYNC_TRIGGERS = ['schedule', 'admin'] as const;
export type CatalogueSyncTrigger = (typeof CATALOGUE_SYNC_TRIGGERS)[number];

/** What a run could not do: one offering it could not take or change, or an attempt that failed as a whole. */
export interface CatalogueSyncProblem {
  /** The offering as its institution's system names it (its code, else its id); null for the whole attempt. */
  offering: string | null;
  code: string;
  message: string;
}

/** What a run did to the institution's offerings in Leerroutes. */
export interface CatalogueSyncCounts {
  created: number;
  changed: number;
  closed: number;
  reopened: number;
  unchanged: number;
}

export const NO_CATALOGUE_CHANGES: CatalogueSyncCounts = {
  created: 0,
  changed: 0,
  closed: 0,
  reopened: 0,
  unchanged: 0,
};
