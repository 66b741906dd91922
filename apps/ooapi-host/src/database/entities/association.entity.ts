import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  Index,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { ASSOCIATION_STATES, AssociationState } from '../../admissions/association-states';
import { OfferingEntity } from './offering.entity';

const STATES = ASSOCIATION_STATES.map((s) => `'${s}'`).join(', ');

/** A person's enrolment in an offering, as a caller (Leerroutes) asked for it (OOAPI association). */
@Entity({ name: 'associations' })
@Check('ck_associations_state', `state IN (${STATES})`)
@Check('ck_associations_remote_state', `remote_state IN (${STATES})`)
// A repeated request finds the person's association in the offering; the staff screen lists newest first.
@Index('ix_associations_offering_person', ['offeringId', 'personKey'])
@Index('ix_associations_created_at', ['createdAt'])
export class AssociationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'offering_id' })
  offeringId: string;

  @ManyToOne(() => OfferingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'offering_id' })
  offering?: OfferingEntity;

  /** The person as the caller sent them (OOAPI Person), kept as received. */
  @Column('jsonb')
  person: Record<string, unknown>;

  /** The caller's organisation as it sent it (OOAPI Organization), if it did. */
  @Column('jsonb', { nullable: true })
  issuer: Record<string, unknown> | null;

  /** Who the person is for finding a repeated request: their e-mail or code, lower case. */
  @Column('text', { name: 'person_key' })
  personKey: string;

  @Column('text')
  state: AssociationState;

  /** What the caller last said it believes the state is (OOAPI remoteState). */
  @Column('text', { name: 'remote_state' })
  remoteState: AssociationState;

  /** Why it was denied, queued or canceled, in the staff's words. */
  @Column('text', { nullable: true })
  reason: string | null;

  /** The client that created it. */
  @Column('text', { name: 'created_by' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Who made the last change of state (a member of staff, or the caller's client). */
  @Column('text', { name: 'changed_by', nullable: true })
  changedBy: string | null;

  @Column('timestamptz', { name: 'changed_at', nullable: true })
  changedAt: Date | null;

  /** Where the caller is told of changes: PATCH <callbackBase>/ooapi/v5/associations/{id}. */
  @Column('text', { name: 'callback_base' })
  callbackBase: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
