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
import type { CreditUnit, GradingScale } from '@lr/domain';
import { numeric } from './numeric.transformer';

/**
 * A result the host has since replaced (a provisional one by another, or a final one corrected): the last one
 * counts (component_results), and what came before stays readable here, in the order it was replaced.
 */
@Entity({ name: 'component_result_history' })
@Index('ix_component_result_history_component', ['componentId', 'replacedAt'])
export class ComponentResultHistoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'component_id', type: 'uuid' })
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

  @Column({ name: 'replaced_at', type: 'timestamptz' })
  replacedAt: Date;
}
