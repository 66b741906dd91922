import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { ComponentEntity } from './component.entity';
import type { CreditUnit, GradingScale } from '@lr/domain';
import { numeric } from './numeric.transformer';

/**
 * The home exam board's recognition (or the automatic one under its approval). Both values are kept: the
 * original result as the host gave it and what counts at home, with the conversion rule and the decision.
 */
@Entity({ name: 'recognitions' })
@Check('ck_recognitions_outcome', `outcome IN ('recognised', 'not_recognised')`)
export class RecognitionEntity {
  @PrimaryColumn({ name: 'component_id', type: 'uuid' })
  componentId: string;

  @ManyToOne(() => ComponentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'component_id' })
  component?: Relation<ComponentEntity>;

  @Column({ type: 'text' })
  outcome: 'recognised' | 'not_recognised';

  @Column({ name: 'original_grade', type: 'text' })
  originalGrade: string;

  @Column({ name: 'original_grading_scale', type: 'text' })
  originalGradingScale: GradingScale;

  @Column({ name: 'original_passed', type: 'boolean' })
  originalPassed: boolean;

  @Column({
    name: 'original_credits',
    type: 'numeric',
    precision: 7,
    scale: 2,
    transformer: numeric,
  })
  originalCredits: number;

  @Column({ name: 'original_credit_unit', type: 'text' })
  originalCreditUnit: CreditUnit;

  @Column({
    name: 'recognised_credits',
    type: 'numeric',
    precision: 7,
    scale: 2,
    transformer: numeric,
  })
  recognisedCredits: number;

  @Column({ name: 'recognised_credit_unit', type: 'text' })
  recognisedCreditUnit: CreditUnit;

  @Column({ name: 'placement', type: 'text', nullable: true })
  placement: string | null;

  @Column({ name: 'conversion_rule', type: 'text' })
  conversionRule: string;

  /** 'approval' when recognised under the approval without a second decision; 'decision' otherwise. */
  @Column({ type: 'text' })
  basis: 'approval' | 'decision';

  @Column({ name: 'decision_reference', type: 'text' })
  decisionReference: string;

  @Column({ type: 'text', nullable: true })
  motivation: string | null;

  @Column({ name: 'decided_by', type: 'text' })
  decidedBy: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
