import type { Response } from 'supertest';
import { ComponentEntity, CreditEntryEntity, OfferingEntity, TransitionEntity } from '@lr/database';
import { waitFor } from '@lr/testing';
import type { DecisionOutcome, RequestView } from '@lr/workflow';
import type { ComponentState } from '@lr/domain';
import { TestApp } from './test-app';

export interface Part {
  /** institution/offering code, e.g. 'uni-ijssel/DS-ML' */
  offering: string;
  countsAs?: 'elective-space' | 'minor' | 'replacement';
  replacesUnit?: string;
}

/** Fails with the response body in the message, so a wrong status explains itself. */
export function expectStatus(response: Response, status: number): Response {
  if (response.status !== status) {
    throw new Error(
      `Expected HTTP ${status}, got ${response.status}: ${JSON.stringify(response.body)}`,
    );
  }
  return response;
}

/** The steps of a request's journey over HTTP, as each party takes them. */
export class Journey {
  /** waitMs: how long a system step (a job) may take before the journey fails. */
  /** How many offerings copiesOf has added, so that every copy has a code of its own. */
  private copies = 0;

  constructor(
    readonly t: TestApp,
    private readonly waitMs = 15000,
  ) {}

  async offeringId(ref: string): Promise<string> {
    const [institutionCode, code] = ref.split('/');
    return (
      await this.t.dataSource.manager.findOneByOrFail(OfferingEntity, { institutionCode, code })
    ).id;
  }

  /**
   * Copies of an offering in its institution's catalogue, as `<institution>/<code>-<n>`: for a test that needs
   * many live requests of one student, who may have only one per offering.
   */
  async copiesOf(ref: string, count: number): Promise<string[]> {
    const [institutionCode, code] = ref.split('/');
    const first = this.copies + 1;
    this.copies += count;
    await this.t.dataSource.query(
      `INSERT INTO offerings (institution_code, programme_code, code, title, description, credits, credit_unit,
         period, language, capacity, enrolment_deadline, prerequisites, waiting_list)
       SELECT institution_code, programme_code, code || '-' || n, title || ' ' || n, description, credits,
         credit_unit, period, language, capacity, enrolment_deadline, prerequisites, waiting_list
       FROM offerings, generate_series($3::int, $4::int) n WHERE institution_code = $1 AND code = $2`,
      [institutionCode, code, first, this.copies],
    );
    return Array.from({ length: count }, (_, i) => `${ref}-${first + i}`);
  }

  async compose(student: string, parts: Part[]): Promise<RequestView> {
    const components = await Promise.all(
      parts.map(async (p) => ({
        offeringId: await this.offeringId(p.offering),
        countsAs: p.countsAs ?? 'elective-space',
        ...(p.replacesUnit ? { replacesUnit: p.replacesUnit } : {}),
        motivation: `I want to take ${p.offering} because it completes my profile.`,
      })),
    );
    const response = await this.t.as(student).post('/requests', {
      motivation: 'This learning route fits my graduation plan.',
      components,
    });
    return expectStatus(response, 201).body as RequestView;
  }

  async submitted(student: string, parts: Part[]): Promise<RequestView> {
    const draft = await this.compose(student, parts);
    return this.act(student, `/requests/${draft.id}/submit`);
  }

  /**
   * Posts a decision as a person and expects 200 with what it changed (the request's status, the components it
   * moved); returns the request as that person now sees it.
   */
  async act(person: string, path: string, body: object = {}): Promise<RequestView> {
    const outcome = expectStatus(await this.t.as(person).post(path, body), 200)
      .body as DecisionOutcome;
    const view = await this.view(person, outcome.requestId);
    expect(path.startsWith(`/requests/${view.id}/`)).toBe(true);
    // The worker may have taken the next step already: what the view shows is that version or a later one.
    expect(view.version).toBeGreaterThanOrEqual(outcome.requestVersion);
    expect(outcome.components.length).toBeGreaterThan(0);
    for (const moved of outcome.components) {
      const now = view.components.find((c) => c.id === moved.id);
      expect(now?.version).toBeGreaterThanOrEqual(moved.version);
    }
    return view;
  }

  path(view: RequestView, index: number, action: string): string {
    return `/requests/${view.id}/components/${view.components[index].id}/${action}`;
  }

  async state(componentId: string): Promise<ComponentState> {
    return (await this.t.dataSource.manager.findOneByOrFail(ComponentEntity, { id: componentId }))
      .state;
  }

  async waitForState(componentId: string, state: ComponentState): Promise<void> {
    try {
      await waitFor(async () => ((await this.state(componentId)) === state ? true : undefined), {
        timeoutMs: this.waitMs,
        intervalMs: 200,
      });
    } catch {
      throw new Error(
        `Component ${componentId} did not reach ${state}; it is ${await this.state(componentId)}`,
      );
    }
  }

  /** Exam board approves component `index`; waits until the job has delivered it to the host. */
  async approved(board: string, view: RequestView, index = 0, body: object = {}): Promise<void> {
    await this.act(board, this.path(view, index, 'approval'), { decision: 'approve', ...body });
    await this.waitForState(view.components[index].id, 'awaiting_admission');
  }

  /** A one-component request taken up to enrolment; by default Macca's route-5 journey into Machine Learning. */
  async enrolled({
    student = 'macca',
    offering = 'uni-ijssel/DS-ML',
    board = 'waal-eb-life',
    admissions = 'ijssel-admissions',
  } = {}): Promise<RequestView> {
    const request = await this.submitted(student, [{ offering }]);
    await this.approved(board, request);
    await this.admitted(admissions, request);
    return request;
  }

  async admitted(admissions: string, view: RequestView, index = 0): Promise<void> {
    await this.act(admissions, this.path(view, index, 'admission'), { decision: 'admit' });
  }

  /** Host registrar records a final result; waits until it has travelled home and been handled. */
  async resultHome(
    registrar: string,
    view: RequestView,
    index: number,
    result: object,
    expected: ComponentState,
  ): Promise<void> {
    await this.act(registrar, this.path(view, index, 'result'), { final: true, ...result });
    await this.waitForState(view.components[index].id, expected);
  }

  async view(person: string, requestId: string): Promise<RequestView> {
    return expectStatus(await this.t.as(person).get(`/requests/${requestId}`), 200)
      .body as RequestView;
  }

  async history(componentId: string): Promise<string[]> {
    const rows = await this.t.dataSource.manager.find(TransitionEntity, {
      where: { componentId },
      order: { id: 'ASC' },
    });
    return rows.map((r) => r.event);
  }

  async creditEntries(componentId: string): Promise<CreditEntryEntity[]> {
    return this.t.dataSource.manager.findBy(CreditEntryEntity, { componentId });
  }
}
