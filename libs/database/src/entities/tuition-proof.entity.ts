import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { TuitionProofStatus } from '@lr/domain';
import { ComponentEntity } from './component.entity';

/**
 * The home institution's statement on the student's tuition, as it was sent to the host with the component
 * (bewijs betaald collegegeld). One per component, written in the transaction that delivers it; none where the
 * host did not ask or the unit is at the home institution itself.
 */
@Entity({ name: 'tuition_proofs' })
@Check('ck_tuition_proofs_status', `status IN ('paid', 'not-paid', 'unknown')`)
// A statement has a reference and a date; 'unknown' means the home system had no record, so it has neither.
@Check(
  'ck_tuition_proofs_statement',
  `(status = 'unknown') = (reference IS NULL) AND (status = 'unknown') = (issued_on IS NULL)`,
)
export class TuitionProofEntity {
  @PrimaryColumn({ name: 'component_id', type: 'uuid' })
  componentId: string;

  @ManyToOne(() => ComponentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'component_id' })
  component?: Relation<ComponentEntity>;

  /** 'yyyy-yyyy': the academic year of the unit at the host. */
  @Column({ name: 'academic_year', type: 'text' })
  academicYear: string;

  @Column({ type: 'text' })
  status: TuitionProofStatus;

  @Column({ type: 'text', nullable: true })
  reference: string | null;

  /** The home institution that issued it (or had no record). */
  @Column({ name: 'issued_by', type: 'text' })
  issuedBy: string;

  @Column({ name: 'issued_on', type: 'date', nullable: true })
  issuedOn: string | null;
}
