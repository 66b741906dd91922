import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import type { CatalogueSyncProblem, CatalogueSyncStatus, CatalogueSyncTrigger } from '@lr/domain';
import { InstitutionEntity } from './institution.entity';

/**
 * One synchronisation of an institution's catalogue from its own system, as its admins see it: who or what
 * asked for it, how it went, what it did to the offerings, and what it could not do. Ids are in the order the
 * runs were asked for (newest first is by id).
 */
@Entity({ name: 'catalogue_syncs' })
@Index('ix_catalogue_syncs_institution', ['institutionCode', 'id'])
// The BullMQ job that carries the run out: its attempts find the run again by it.
@Index('uq_catalogue_syncs_job', ['jobId'], { unique: true })
@Check(
  'ck_catalogue_syncs_status',
  `status IN ('queued', 'running', 'retrying', 'completed', 'failed')`,
)
@Check(
  'ck_catalogue_syncs_trigger',
  `triggered_by IN ('schedule', 'admin') AND (triggered_by = 'admin') = (requested_by_id IS NOT NULL)`,
)
@Check(
  'ck_catalogue_syncs_finished',
  `(status IN ('completed', 'failed')) = (finished_at IS NOT NULL)`,
)
export class CatalogueSyncEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'institution_code', type: 'text' })
  institutionCode: string;

  @ManyToOne(() => InstitutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_code' })
  institution?: Relation<InstitutionEntity>;

  @Column({ name: 'triggered_by', type: 'text' })
  trigger: CatalogueSyncTrigger;

  /** The admin who asked for it, a person of the same institution; null for the schedule. */
  @Column({ name: 'requested_by_id', type: 'text', nullable: true })
  requestedById: string | null;

  @Column({ name: 'requested_by_name', type: 'text', nullable: true })
  requestedByName: string | null;

  @Column({ name: 'job_id', type: 'text' })
  jobId: string;

  @Column({ type: 'text' })
  status: CatalogueSyncStatus;

  /** Attempts begun so far (JOB_ATTEMPTS at most). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  created: number;

  @Column({ type: 'integer', default: 0 })
  changed: number;

  @Column({ type: 'integer', default: 0 })
  closed: number;

  @Column({ type: 'integer', default: 0 })
  reopened: number;

  @Column({ type: 'integer', default: 0 })
  unchanged: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors: CatalogueSyncProblem[];
}
