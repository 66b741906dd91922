import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AssociationEntity } from './association.entity';

/**
 * An outbox row: the caller must be told that an association changed. Written in the transaction of the change;
 * the relay sends the association as it is when it sends, so one delivery answers every row still open for it.
 */
@Entity({ name: 'callbacks' })
// The relay's question: which rows are still open and due.
@Index('ix_callbacks_open', ['nextAttemptAt'], {
  where: 'delivered_at IS NULL AND abandoned_at IS NULL',
})
@Index('ix_callbacks_association', ['associationId'])
export class CallbackEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'association_id' })
  associationId: string;

  @ManyToOne(() => AssociationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'association_id' })
  association?: AssociationEntity;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;

  /** Set when the attempts ran out: the caller's polling is then what tells it. */
  @Column('timestamptz', { name: 'abandoned_at', nullable: true })
  abandonedAt: Date | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;
}
