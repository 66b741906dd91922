import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One field an offering's change set: its value before and after, as text (null where there was none). */
export interface AuditedFieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/**
 * Who did what, when and why: every decision, every change of personal data and every change of an offering,
 * for appeal and supervision. Append-only, enforced by the database (a trigger refuses UPDATE, DELETE and TRUNCATE; see the
 * AuditLog migration; and the application's role may only SELECT and INSERT), so the application itself cannot
 * change what it recorded. Where the call came from is in AuditClientAddressEntity, which may be forgotten.
 */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_request', ['requestId', 'id'])
@Index('ix_audit_log_home', ['homeInstitutionCode', 'id'])
@Index('ix_audit_log_actor_institution', ['actorInstitutionCode', 'id'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'text' })
  actorId: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole: string;

  @Column({ name: 'actor_institution_code', type: 'text' })
  actorInstitutionCode: string;

  /**
   * A state-table event ('approve', 'refuse_admission', …) or 'create' for a new request; for an offering
   * 'create', 'change', 'close' or 'reopen'.
   */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'object_type', type: 'text' })
  objectType: 'request' | 'component' | 'offering';

  @Column({ name: 'object_id', type: 'uuid' })
  objectId: string;

  /** The request the entry is about; null for an offering's. */
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  /**
   * Whose exam board and admins may read the entry: the request's home side, or the institution that keeps the
   * offering.
   */
  @Column({ name: 'home_institution_code', type: 'text' })
  homeInstitutionCode: string;

  /** The request's home programme; null for an offering's entry, which no exam board reads. */
  @Column({ name: 'home_programme_code', type: 'text', nullable: true })
  homeProgrammeCode: string | null;

  /** The request's version once the change was made; null for an offering's entry. */
  @Column({ name: 'request_version', type: 'integer', nullable: true })
  requestVersion: number | null;

  @Column({ type: 'text', nullable: true })
  motivation: string | null;

  /** What an offering's change changed, field by field; null for a request's entry. */
  @Column({ type: 'jsonb', nullable: true })
  changes: AuditedFieldChange[] | null;
}
