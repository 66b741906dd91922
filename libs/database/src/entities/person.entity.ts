import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Relation,
} from 'typeorm';
import { InstitutionEntity } from './institution.entity';
import type { Role } from '@lr/domain';

/**
 * A person of an institution, recorded from their sign-in (PeopleProvisioning in libs/workflow), or seeded as a
 * demo person in development. Keyed by institution and subject together, as every reference to a person is
 * (PersonKey): issuers may share subjects.
 */
@Entity({ name: 'people' })
@Check(
  'ck_people_role',
  `role IN ('student', 'exam-board', 'host-admissions', 'registrar', 'admin')`,
)
export class PersonEntity {
  @PrimaryColumn({ name: 'institution_code', type: 'text' })
  institutionCode: string;

  @PrimaryColumn({ type: 'text' })
  id: string;

  @ManyToOne(() => InstitutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_code' })
  institution?: Relation<InstitutionEntity>;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'student_number', type: 'text', nullable: true })
  studentNumber: string | null;

  /** Students: their programme. Exam-board members: the programmes their board decides for. */
  @Column({ name: 'programme_codes', type: 'text', array: true, default: () => "'{}'" })
  programmeCodes: string[];
}
