import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxOperation = 'add' | 'remove' | 'reschedule';

/**
 * Jobs caused by a state change, written in the same transaction as the change; the relay moves them to
 * BullMQ. A crash between commit and enqueue therefore loses nothing.
 */
@Entity({ name: 'outbox' })
@Index('ix_outbox_unsent', ['id'], { where: 'sent_at IS NULL' })
@Check('ck_outbox_operation', `operation IN ('add', 'remove', 'reschedule')`)
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'queue_name', type: 'text' })
  queueName: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName: string;

  @Column({ name: 'job_id', type: 'text' })
  jobId: string;

  /**
   * 'remove' takes a job out of its queue: a timer that a decision made pointless. 'reschedule' moves a waiting
   * timer to run_at: an enrolment deadline its offering's institution changed.
   */
  @Column({ type: 'text', default: 'add' })
  operation: OutboxOperation;

  /** For a delayed job (a timer): when it should run, in the workflow's clock. */
  @Column({ name: 'run_at', type: 'timestamptz', nullable: true })
  runAt: Date | null;

  @Column({ type: 'jsonb' })
  payload: object;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
