import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { CreditUnit, GradingScale, Sector } from '@lr/domain';

@Entity({ name: 'institutions' })
@Check('ck_institutions_sector', `sector IN ('mbo', 'hbo', 'wo')`)
@Check('ck_institutions_credit_unit', `credit_unit IN ('EC', 'hours')`)
export class InstitutionEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  sector: Sector;

  @Column({ name: 'credit_unit', type: 'text' })
  creditUnit: CreditUnit;

  @Column({ name: 'grading_scale', type: 'text' })
  gradingScale: GradingScale;
}
