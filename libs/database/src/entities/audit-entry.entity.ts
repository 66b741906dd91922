import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what, when and why: every decision and every change of personal data, for appeal and
 * supervision. Append-only, enforced by the database (a trigger refuses UPDATE, DELETE and TRUNCATE; see the
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

  /** A state-table event ('approve', 'refuse_admission', …) or 'create' for a new request. */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'object_type', type: 'text' })
  objectType: 'request' | 'component';

  @Column({ name: 'object_id', type: 'uuid' })
  objectId: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  /** The request's side: whose exam board and admins may read the entry. */
  @Column({ name: 'home_institution_code', type: 'text' })
  homeInstitutionCode: string;

  @Column({ name: 'home_programme_code', type: 'text' })
  homeProgrammeCode: string;

  /** The request's version once the change was made. */
  @Column({ name: 'request_version', type: 'integer' })
  requestVersion: number;

  @Column({ type: 'text', nullable: true })
  motivation: string | null;
}
