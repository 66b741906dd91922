import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation, Unique } from 'typeorm';
import { InstitutionEntity } from './institution.entity';

/** One academic year of a student's tuition, as the institution's own administration records it. */
export interface RegisteredTuition {
  /** 'yyyy-yyyy', e.g. '2026-2027'. */
  academicYear: string;
  paid: boolean;
  /** The reference on the institution's statement. */
  reference: string;
  /** ISO date (yyyy-mm-dd) the statement was issued. */
  issuedOn: string;
}

/**
 * The students an institution without a system of its own keeps in Leerroutes: what the in-app student
 * information system answers from, as a real one answers from Osiris or Progress. Kept by the institution's
 * admins through the API (PUT /admin/students/:subject), in development also by the demo seed and the
 * development issuer's new-person form; sign-in takes a student's programmes and student number from here, a
 * host's request for proof of paid tuition its statement.
 */
@Entity({ name: 'student_register' })
@Unique('uq_student_register_number', ['institutionCode', 'studentNumber'])
export class StudentRegisterEntity {
  @PrimaryColumn({ name: 'institution_code', type: 'text' })
  institutionCode: string;

  /** The subject the institution's identity provider gives the student. */
  @PrimaryColumn({ type: 'text' })
  subject: string;

  @ManyToOne(() => InstitutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_code' })
  institution?: Relation<InstitutionEntity>;

  @Column({ name: 'student_number', type: 'text' })
  studentNumber: string;

  @Column({ name: 'programme_codes', type: 'text', array: true })
  programmeCodes: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  tuition: RegisteredTuition[];
}
