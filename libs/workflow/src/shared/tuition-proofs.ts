import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lr/config';
import { ComponentEntity, OfferingEntity, TuitionProofEntity } from '@lr/database';
import { academicYearOf, needsProofOfPaidTuition, withTimeout } from '@lr/domain';
import type { TuitionProofStatus } from '@lr/domain';
import { InstitutionRegistry } from '@lr/institutions';
import { RequestStore } from '../writer/request-store';

/** Proof of paid tuition as the host, the student and the home institution read it. */
export interface TuitionProofView {
  academicYear: string;
  status: TuitionProofStatus;
  reference: string | null;
  issuedBy: { code: string; name: string | null };
  issuedOn: string | null;
}

/**
 * Proof of paid tuition (bewijs betaald collegegeld): obtained from the home institution's system when a
 * component goes to a host that asks for it, kept with the component, and shown in one shape wherever it
 * appears.
 */
@Injectable()
export class TuitionProofs {
  constructor(
    private readonly store: RequestStore,
    private readonly registry: InstitutionRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The proof to send with the component, or null where the host needs none. Asks the home institution's
   * system, so call it outside a transaction: it may be slow or fail (bounded in time; the job retries).
   */
  async obtain(
    component: ComponentEntity,
    offering: OfferingEntity,
    studentNumber: string | null,
  ): Promise<TuitionProofEntity | null> {
    const host = this.registry.get(component.hostInstitutionCode);
    if (!needsProofOfPaidTuition(component.route, host.asksProofOfPaidTuition)) return null;
    const academicYear = academicYearOf(offering.period);
    if (!academicYear) {
      // The registry refuses such offerings at start; a row from before that rule is an operator's matter.
      throw new Error(
        `Offering ${offering.id} has no academic year in its period '${offering.period}'`,
      );
    }
    const home = component.homeInstitutionCode;
    // Without a student number the home system cannot be asked: the host is told it is unknown.
    const proof =
      studentNumber === null
        ? null
        : await withTimeout(
            this.registry
              .studentInformationSystem(home)
              .proofOfPaidTuition({ studentNumber, academicYear }),
            this.config.hostSystemTimeoutMs,
            `The student information system of ${home}`,
          );
    return Object.assign(new TuitionProofEntity(), {
      componentId: component.id,
      academicYear,
      status: proof === null ? 'unknown' : proof.paid ? 'paid' : 'not-paid',
      reference: proof?.reference ?? null,
      issuedBy: home,
      issuedOn: proof?.issuedOn ?? null,
    });
  }

  /** The proofs sent with these components, by component; a component without one is not in the map. */
  async viewsOf(componentIds: string[]): Promise<Map<string, TuitionProofView>> {
    if (componentIds.length === 0) return new Map();
    const rows = await this.store.dataSource.manager.findBy(TuitionProofEntity, {
      componentId: In(componentIds),
    });
    return new Map(
      rows.map((r) => [
        r.componentId,
        {
          academicYear: r.academicYear,
          status: r.status,
          reference: r.reference,
          issuedBy: { code: r.issuedBy, name: this.registry.find(r.issuedBy)?.name ?? null },
          issuedOn: r.issuedOn,
        },
      ]),
    );
  }
}
