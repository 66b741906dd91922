import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RequestStatus } from '@lr/domain';

@Entity({ name: 'requests' })
@Index('ix_requests_student', ['homeInstitutionCode', 'studentId', 'createdAt'])
@Check('ck_requests_status', `status IN ('draft', 'in_progress', 'completed', 'withdrawn')`)
export class RequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** A student of the home institution: with homeInstitutionCode, their PersonKey. */
  @Column({ name: 'student_id', type: 'text' })
  studentId: string;

  @Column({ name: 'home_institution_code', type: 'text' })
  homeInstitutionCode: string;

  @Column({ name: 'home_programme_code', type: 'text' })
  homeProgrammeCode: string;

  @Column({ type: 'text' })
  motivation: string;

  /** Derived from the components on every transition (deriveRequestStatus); stored for list filters. */
  @Column({ type: 'text' })
  status: RequestStatus;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
