import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { InstitutionEntity } from './institution.entity';

@Entity({ name: 'programmes' })
export class ProgrammeEntity {
  @PrimaryColumn({ name: 'institution_code', type: 'text' })
  institutionCode: string;

  @ManyToOne(() => InstitutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_code' })
  institution?: Relation<InstitutionEntity>;

  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'exam_board_code', type: 'text' })
  examBoardCode: string;
}
