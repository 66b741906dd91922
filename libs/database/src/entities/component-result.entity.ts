import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { ComponentEntity } from './component.entity';
import type { CreditUnit, GradingScale } from '@lr/domain';
import { numeric } from './numeric.transformer';

/** The host's result for a component, kept exactly as the host gave it. A provisional result may be replaced. */
@Entity({ name: 'component_results' })
export class ComponentResultEntity {
  @PrimaryColumn({ name: 'component_id', type: 'uuid' })
  componentId: string;

  @ManyToOne(() => ComponentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'component_id' })
  component?: Relation<ComponentEntity>;

  @Column({ type: 'text' })
  grade: string;

  @Column({ name: 'grading_scale', type: 'text' })
  gradingScale: GradingScale;

  @Column({ type: 'boolean' })
  passed: boolean;

  @Column({ type: 'numeric', precision: 7, scale: 2, transformer: numeric })
  credits: number;

  @Column({ name: 'credit_unit', type: 'text' })
  creditUnit: CreditUnit;

  @Column({ name: 'is_final', type: 'boolean' })
  isFinal: boolean;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
