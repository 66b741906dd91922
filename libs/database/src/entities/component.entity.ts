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
import { OfferingEntity } from './offering.entity';
import { RequestEntity } from './request.entity';
import type { AssociationState, ComponentState, CreditUnit, LearningRoute } from '@lr/domain';
import { numeric } from './numeric.transformer';

export type CountsAs = 'elective-space' | 'minor' | 'replacement';

@Entity({ name: 'components' })
@Index('ix_components_request', ['requestId', 'position'], { unique: true })
@Index('ix_components_host_state', ['hostInstitutionCode', 'state', 'updatedAt'])
@Index('ix_components_home_state', ['homeInstitutionCode', 'state', 'updatedAt'])
// One partial index per inbox, in the inbox's order: a page is read straight from the index (InboxQuery).
// The exam board's also INCLUDEs home_programme_code, which TypeORM cannot declare: made in a migration.
@Index('ix_components_inbox_exam_board', { synchronize: false })
@Index('ix_components_inbox_admissions', ['hostInstitutionCode', 'updatedAt', 'id'], {
  where: "state IN ('awaiting_admission', 'waitlisted')",
})
@Index('ix_components_waiting_list', ['offeringId', 'updatedAt', 'id'], {
  where: "state = 'waitlisted'",
})
@Index('ix_components_inbox_results', ['hostInstitutionCode', 'updatedAt', 'id'], {
  where: "state = 'enrolled'",
})
// A student asks for each offering once while it can still count (ENDED_STATES in libs/domain lists the rest).
@Index('uq_components_live_offering', ['homeInstitutionCode', 'studentId', 'offeringId'], {
  unique: true,
  where:
    "state NOT IN ('rejected_by_exam_board', 'rejected_by_host', 'withdrawn', 'expired', 'not_recognised')",
})
@Index('ix_components_inbox_registrations', ['homeInstitutionCode', 'updatedAt', 'id'], {
  where: "state = 'recognised'",
})
@Check(
  'ck_components_state',
  `state IN ('draft', 'awaiting_approval', 'rejected_by_exam_board', 'approved', 'awaiting_admission', 'waitlisted', 'rejected_by_host', 'enrolled', 'result_recorded', 'awaiting_recognition', 'recognised', 'not_recognised', 'registered', 'withdrawn', 'expired')`,
)
@Check('ck_components_route', `route IN (4, 5, 6)`)
// The host's association is known by its id within that host: a callback names no other.
@Index('uq_components_association', ['hostInstitutionCode', 'associationId'], {
  unique: true,
  where: 'association_id IS NOT NULL',
})
// The poller's question: which associations are due to be asked about, earliest first.
@Index('ix_components_association_poll', ['associationPollDueAt'], {
  where: "association_id IS NOT NULL AND state IN ('awaiting_admission', 'waitlisted', 'enrolled')",
})
@Check(
  'ck_components_association_state',
  `association_state IN ('pending', 'associated', 'denied', 'queued', 'canceled')`,
)
@Check('ck_components_association', '(association_id IS NULL) = (association_state IS NULL)')
@Check('ck_components_counts_as', `counts_as IN ('elective-space', 'minor', 'replacement')`)
export class ComponentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @ManyToOne(() => RequestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<RequestEntity>;

  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'offering_id', type: 'uuid' })
  offeringId: string;

  @ManyToOne(() => OfferingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'offering_id' })
  offering?: Relation<OfferingEntity>;

  /** Copied from the request and the offering so that inbox queries need no joins to filter. */
  @Column({ name: 'home_institution_code', type: 'text' })
  homeInstitutionCode: string;

  @Column({ name: 'home_programme_code', type: 'text' })
  homeProgrammeCode: string;

  /** With homeInstitutionCode, the student's PersonKey. */
  @Column({ name: 'student_id', type: 'text' })
  studentId: string;

  @Column({ name: 'host_institution_code', type: 'text' })
  hostInstitutionCode: string;

  @Column({ type: 'smallint' })
  route: LearningRoute;

  @Column({ name: 'counts_as', type: 'text' })
  countsAs: CountsAs;

  @Column({ name: 'replaces_unit', type: 'text', nullable: true })
  replacesUnit: string | null;

  @Column({ type: 'text' })
  motivation: string;

  @Column({ type: 'text' })
  state: ComponentState;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** The home exam board's approval: how the unit will count at home. */
  @Column({
    name: 'approved_credits',
    type: 'numeric',
    precision: 7,
    scale: 2,
    nullable: true,
    transformer: numeric,
  })
  approvedCredits: number | null;

  @Column({ name: 'approved_credit_unit', type: 'text', nullable: true })
  approvedCreditUnit: CreditUnit | null;

  @Column({ name: 'approved_placement', type: 'text', nullable: true })
  approvedPlacement: string | null;

  @Column({ name: 'approval_reference', type: 'text', nullable: true })
  approvalReference: string | null;

  @Column({ name: 'enrolment_reference', type: 'text', nullable: true })
  enrolmentReference: string | null;

  /** When the home exam board's decision term ends: submission plus the board's term in days. */
  @Column({ name: 'decision_due_at', type: 'timestamptz', nullable: true })
  decisionDueAt: Date | null;

  /** Set when the job carrying this component failed for good; cleared when an admin sends it again. */
  @Column({ name: 'delivery_failed_at', type: 'timestamptz', nullable: true })
  deliveryFailedAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /**
   * Where the host's own system takes part over OOAPI: the association it made for this component (its id,
   * given in its answer to our POST) and the association's state there as last heard, by answer, callback or
   * poll. Null for hosts that work in Leerroutes.
   */
  @Column({ name: 'association_id', type: 'text', nullable: true })
  associationId: string | null;

  @Column({ name: 'association_state', type: 'text', nullable: true })
  associationState: AssociationState | null;

  /**
   * When Leerroutes first asked the host's system for the association, written before the request goes out: a
   * component withdrawn with this set and no association id may have one at the host whose answer was lost.
   */
  @Column({ name: 'association_requested_at', type: 'timestamptz', nullable: true })
  associationRequestedAt: Date | null;

  /** When the poller next asks the host about the association, while the component waits for the host. */
  @Column({ name: 'association_poll_due_at', type: 'timestamptz', nullable: true })
  associationPollDueAt: Date | null;

  /** Polls in a row that found nothing new: the wait until the next doubles with each (backoff). */
  @Column({ name: 'association_polls_unchanged', type: 'smallint', default: 0 })
  associationPollsUnchanged: number;
}
