import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { ComponentEntity, OfferingEntity, RequestEntity, TuitionProofEntity } from '@lr/database';
import { InstitutionRegistry, OoapiHosts } from '@lr/institutions';
import { ComponentJob } from '@lr/queue';
import { SYSTEM_ACTOR, dutchDate, withTimeout } from '@lr/domain';
import { AssociationChanges } from './association-changes';
import { AssociationRequests } from './association-requests';
import { offeringOf } from '../shared/offering-of';
import { findPerson, studentOf } from '../shared/people';
import { RequestStore } from '../writer/request-store';
import { TuitionProofs } from '../shared/tuition-proofs';

/**
 * Job on the host's queue: hands an approved component to the host. The host's system refuses at once when the
 * enrolment deadline has passed, or when the offering is full and keeps no waiting list; when it keeps one, the
 * student goes on it. Otherwise the component waits for host admissions. A host that asks for proof of paid
 * tuition gets the home institution's statement with the component.
 * Idempotent: a job that finds the component moved on does nothing.
 *
 * A host whose own system takes part over OOAPI gets the component as an association it decides on itself
 * (POST /associations/external/me); its answer moves the component as the state mapping says.
 */
@Injectable()
export class DeliverAdmissionRequestUseCase {
  private readonly logger = new Logger(DeliverAdmissionRequestUseCase.name);

  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
    private readonly tuitionProofs: TuitionProofs,
    private readonly ooapiHosts: OoapiHosts,
    private readonly associations: AssociationChanges,
    private readonly associationRequests: AssociationRequests,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(job: ComponentJob): Promise<string> {
    const em = this.store.dataSource.manager;
    const component = await em.findOneBy(ComponentEntity, { id: job.componentId });
    if (!component || component.state !== 'approved' || component.version !== job.expectedVersion) {
      return this.skip(job, component);
    }
    if (this.ooapiHosts.takesPart(component.hostInstitutionCode)) {
      return this.deliverToOwnSystem(job, component);
    }
    const offering = await offeringOf(em, component.offeringId);
    const request = await em.findOneByOrFail(RequestEntity, { id: component.requestId });
    const refusal = this.refusalReason(offering);
    const student = await findPerson(em, studentOf(request));
    // Both systems are called outside the transaction and bounded in time: they may be slow or hang, and the job
    // retries. The host's reference is stable across retries; the home's proof of tuition is only read.
    const [announced, tuitionProof] = refusal
      ? [undefined, null]
      : await Promise.all([
          withTimeout(
            this.registry
              .studentInformationSystem(component.hostInstitutionCode)
              .announceAdmission({
                componentId: component.id,
                offeringCode: offering.code,
                studentName: student?.name ?? request.studentId,
                homeInstitutionCode: request.homeInstitutionCode,
              }),
            this.config.hostSystemTimeoutMs,
            `The student information system of ${component.hostInstitutionCode}`,
          ),
          this.tuitionProofs.obtain(component, offering, student?.studentNumber ?? null),
        ]);
    return this.store.withComponent(
      SYSTEM_ACTOR,
      job.requestId,
      job.componentId,
      async (locked) => {
        if (
          locked.component.state !== 'approved' ||
          locked.component.version !== job.expectedVersion
        ) {
          return this.skip(job, locked.component);
        }
        const actor = { ...SYSTEM_ACTOR, institutionCode: component.hostInstitutionCode };
        if (refusal) {
          await this.store.transition(locked, {
            event: 'refuse_admission',
            actor,
            motivation: refusal,
          });
          return 'refused';
        }
        // Sent with the component, in the transaction that delivers it: at most one, even when the job retries.
        if (tuitionProof) await locked.em.insert(TuitionProofEntity, tuitionProof);
        // Full at delivery, with a waiting list: the host still knows the student, who waits in line.
        const full = offering.enrolledCount >= offering.capacity;
        await this.store.transition(locked, {
          event: full ? 'waitlist' : 'deliver_to_host',
          actor,
          motivation: full
            ? `${offering.title} is full (${offering.capacity} places); the student is on its waiting list.`
            : undefined,
          changes: { enrolmentReference: announced!.reference },
        });
        return full ? 'waitlisted' : 'delivered';
      },
    );
  }

  /**
   * To a host whose own system decides: the association is made there (or, when an earlier attempt made it,
   * asked after), and the host's answer moves the component. Calls go out before the transaction, as above.
   */
  private async deliverToOwnSystem(job: ComponentJob, component: ComponentEntity): Promise<string> {
    const em = this.store.dataSource.manager;
    const offering = await offeringOf(em, component.offeringId);
    const request = await em.findOneByOrFail(RequestEntity, { id: component.requestId });
    const student = await findPerson(em, studentOf(request));
    const [answer, tuitionProof] = await Promise.all([
      this.associationRequests.forDelivery(component, { request, offering, student }),
      this.tuitionProofs.obtain(component, offering, student?.studentNumber ?? null),
    ]);
    if (!answer) return this.skip(job, component);
    return this.store.withComponent(
      SYSTEM_ACTOR,
      job.requestId,
      job.componentId,
      async (locked) => {
        if (
          locked.component.state !== 'approved' ||
          locked.component.version !== job.expectedVersion
        ) {
          return this.skip(job, locked.component);
        }
        if (tuitionProof) await locked.em.insert(TuitionProofEntity, tuitionProof);
        await this.associations.apply(locked, answer);
        return locked.component.state;
      },
    );
  }

  private refusalReason(offering: OfferingEntity): string | undefined {
    if (dutchDate(this.store.now()) > offering.enrolmentDeadline) {
      return `The enrolment deadline of ${offering.title} (${offering.enrolmentDeadline}) has passed.`;
    }
    if (offering.enrolledCount >= offering.capacity && !offering.waitingList) {
      return `${offering.title} is full (${offering.capacity} places).`;
    }
    return undefined;
  }

  private skip(job: ComponentJob, component: ComponentEntity | null): 'skipped' {
    this.logger.log(
      `Skipping admission delivery for ${job.componentId}: expected approved v${job.expectedVersion}, ` +
        `found ${component ? `${component.state} v${component.version}` : 'nothing'}`,
    );
    return 'skipped';
  }
}
