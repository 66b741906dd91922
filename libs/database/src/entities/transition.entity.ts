import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { ComponentEntity } from './component.entity';

/** One row per state change, append-only: the request's timeline across all parties. */
@Entity({ name: 'transitions' })
@Index('ix_transitions_request', ['requestId', 'id'])
export class TransitionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ name: 'component_id', type: 'uuid' })
  componentId: string;

  @ManyToOne(() => ComponentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'component_id' })
  component?: Relation<ComponentEntity>;

  @Column({ type: 'text' })
  event: string;

  @Column({ name: 'from_state', type: 'text' })
  fromState: string;

  @Column({ name: 'to_state', type: 'text' })
  toState: string;

  @Column({ name: 'actor_id', type: 'text' })
  actorId: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole: string;

  @Column({ name: 'institution_code', type: 'text' })
  institutionCode: string;

  @Column({ type: 'text', nullable: true })
  motivation: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
