import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AssociationEntity } from './association.entity';

/**
 * A result recorded on an association. A correction is a new row naming the one it corrects: the newest row is
 * the result, the older ones its history.
 */
@Entity({ name: 'results' })
@Check('ck_results_score', 'score >= 1 AND score <= 10')
@Index('ix_results_association', ['associationId', 'recordedAt'])
export class ResultEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'association_id' })
  associationId: string;

  @ManyToOne(() => AssociationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'association_id' })
  association?: AssociationEntity;

  /** The grade on the Dutch 1-10 scale, one decimal. */
  @Column('numeric', {
    precision: 3,
    scale: 1,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  score: number;

  @Column('boolean')
  pass: boolean;

  @Column('date', { name: 'result_date' })
  resultDate: string;

  /** A final result (OOAPI result state 'completed'); otherwise provisional ('in progress'). */
  @Column('boolean', { name: 'is_final' })
  final: boolean;

  @Column('uuid', { name: 'corrects_id', nullable: true })
  correctsId: string | null;

  @ManyToOne(() => ResultEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'corrects_id' })
  corrects?: ResultEntity;

  @Column('text', { name: 'recorded_by' })
  recordedBy: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}
