import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Jobs caused by a state change, written in the same transaction as the change; the relay moves them to
 * BullMQ. A crash between commit and enqueue therefore loses nothing.
 */
@Entity({ name: 'outbox' })
@Index('ix_outbox_unsent', ['id'], { where: 'sent_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'queue_name', type: 'text' })
  queueName: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName: string;

  @Column({ name: 'job_id', type: 'text' })
  jobId: string;

  @Column({ type: 'jsonb' })
  payload: object;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
