import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { InstitutionEntity } from './institution.entity';
import type { CreditUnit } from '@lr/domain';
import { numeric } from './numeric.transformer';

@Entity({ name: 'offerings' })
@Index('uq_offerings_institution_code', ['institutionCode', 'code'], { unique: true })
@Index('ix_offerings_period', ['period'])
// A full-text index on to_tsvector('simple', title || ' ' || code || ' ' || description), made by hand in a
// migration: TypeORM cannot declare an expression index, and synchronize: false keeps it out of the schema
// comparison.
@Index('ix_offerings_search', { synchronize: false })
// The host's own id of the offering, where its system takes part over OOAPI: one offering per id.
@Index('uq_offerings_external_id', ['institutionCode', 'externalId'], {
  unique: true,
  where: 'external_id IS NOT NULL',
})
@Check('ck_offerings_capacity', `enrolled_count >= 0 AND enrolled_count <= capacity`)
@Check('ck_offerings_credits', `credits > 0`)
export class OfferingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'institution_code', type: 'text' })
  institutionCode: string;

  @ManyToOne(() => InstitutionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_code' })
  institution?: Relation<InstitutionEntity>;

  @Column({ name: 'programme_code', type: 'text' })
  programmeCode: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'numeric', precision: 7, scale: 2, transformer: numeric })
  credits: number;

  @Column({ name: 'credit_unit', type: 'text' })
  creditUnit: CreditUnit;

  @Column({ type: 'text' })
  period: string;

  @Column({ type: 'text' })
  language: string;

  @Column({ type: 'integer' })
  capacity: number;

  /** Places taken; a CHECK keeps it within capacity, so two admissions at once cannot over-book. */
  @Column({ name: 'enrolled_count', type: 'integer', default: 0 })
  enrolledCount: number;

  /** When full, students wait on a list instead of being refused; admission from it still needs a place. */
  @Column({ name: 'waiting_list', type: 'boolean', default: false })
  waitingList: boolean;

  @Column({ name: 'enrolment_deadline', type: 'date' })
  enrolmentDeadline: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  prerequisites: string[];

  /** Raised by every change its institution makes: a change names the version it was made on (expectedVersion). */
  @Column({ type: 'integer', default: 1 })
  version: number;

  /**
   * When its institution closed it: no longer in the catalogue and no longer requested, but never deleted, as
   * the requests made for it go on and their timelines and credit records name it.
   */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
  /**
   * The offering's id in its institution's own system (OOAPI offeringId), where that system takes part over
   * OOAPI; null for offerings kept in Leerroutes. A delivery to such a host names it.
   */
  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;
}
