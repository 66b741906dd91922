import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { InstitutionEntity } from './institution.entity';

@Entity({ name: 'exam_boards' })
export class ExamBoardEntity {
  @PrimaryColumn({ name: 'institution_code', type: 'text' })
  institutionCode: string;

  @ManyToOne(() => InstitutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_code' })
  institution?: Relation<InstitutionEntity>;

  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** Days within which the board must decide (its regulations; at most eight weeks under the Awb). */
  @Column({ name: 'decision_term_days', type: 'integer' })
  decisionTermDays: number;

  /** Told when the board lets its decision term pass; without a chair, every member is. */
  @Column({ name: 'chair_person_id', type: 'text', nullable: true })
  chairPersonId: string | null;
}
