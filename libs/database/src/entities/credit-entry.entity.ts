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
import { ComponentEntity } from './component.entity';
import type { CreditUnit } from '@lr/domain';
import { numeric } from './numeric.transformer';

/** A line in the student's credit record. One per component at most: the unique index makes it exactly once. */
@Entity({ name: 'credit_entries' })
@Index('uq_credit_entries_component', ['componentId'], { unique: true })
@Index('ix_credit_entries_student', ['institutionCode', 'studentId', 'registeredAt'])
@Check('ck_credit_entries_credits', `credits > 0`)
export class CreditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** With institutionCode (the student's home), the student's PersonKey. */
  @Column({ name: 'student_id', type: 'text' })
  studentId: string;

  @Column({ name: 'institution_code', type: 'text' })
  institutionCode: string;

  @Column({ name: 'component_id', type: 'uuid' })
  componentId: string;

  @ManyToOne(() => ComponentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'component_id' })
  component?: Relation<ComponentEntity>;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ name: 'unit_title', type: 'text' })
  unitTitle: string;

  @Column({ name: 'host_institution_code', type: 'text' })
  hostInstitutionCode: string;

  @Column({ type: 'numeric', precision: 7, scale: 2, transformer: numeric })
  credits: number;

  @Column({ name: 'credit_unit', type: 'text' })
  creditUnit: CreditUnit;

  @Column({ type: 'text', nullable: true })
  placement: string | null;

  @Column({ name: 'original_grade', type: 'text' })
  originalGrade: string;

  @Column({ name: 'decision_reference', type: 'text' })
  decisionReference: string;

  @Column({ name: 'registered_by', type: 'text' })
  registeredBy: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
