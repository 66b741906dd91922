import type { Response } from 'supertest';
import {
  ComponentEntity,
  CreditEntryEntity,
  NotificationEntity,
  OfferingEntity,
  PersonEntity,
  StudentRegisterEntity,
} from '@lr/database';
import {
  ACTIONS,
  ActionName,
  Role,
  Scope,
  VISIBLE_THROUGH,
  isPublicAction,
  mayEverTake,
  permits,
  ruleOf,
} from '@lr/domain';
import {
  AdmissionAnnouncement,
  InAppStudentInformationSystem,
  REGISTERED_INSTITUTIONS,
  SystemContext,
} from '@lr/institutions';
import { DECORATORS } from '@nestjs/swagger';
import { waitFor } from '@lr/testing';
import { COURSE_IDS, OFFERING_IDS, RequestView } from '@lr/workflow';
import { OoapiCatalogueController } from '../src/controllers/ooapi-catalogue.controller';
import { OoapiController } from '../src/controllers/ooapi.controller';
import { Journey, expectStatus } from './journey';
import { unreachableConnection } from './ooapi-stub';
import {
  OOAPI_PREFIX,
  ooapiRoutes,
  ooapiUrl,
  routesOfController,
  servedRoutes,
} from './served-routes';
import { IN_APP_INSTITUTIONS, TEST_START, TestApp } from './test-app';

/**
 * Walks the authorization matrix (libs/domain/src/authorization.ts) over HTTP: every endpoint × role × scope.
 * The object is Macca's request: home uni-waal, programme msc-food, one component hosted at uni-ijssel. Each
 * persona stands in one relation to it; which cells are allowed comes from the matrix itself.
 */

/** The relation a persona has to Macca and her request, when both sides are involved. */
type Relation = 'own' | 'own-programme' | 'own-institution' | 'host-institution' | 'other';

interface Persona {
  id: string;
  role: Role;
  relation: Relation;
}

const PERSONAS: Persona[] = [
  { id: 'macca', role: 'student', relation: 'own' },
  // Not seeded: a second student of msc-food, added below.
  { id: 'mara', role: 'student', relation: 'own-programme' },
  { id: 'noor', role: 'student', relation: 'own-institution' },
  { id: 'daan', role: 'student', relation: 'host-institution' },
  { id: 'sem', role: 'student', relation: 'other' },
  { id: 'waal-eb-life', role: 'exam-board', relation: 'own-programme' },
  { id: 'waal-eb-nutrition', role: 'exam-board', relation: 'own-institution' },
  { id: 'ijssel-eb', role: 'exam-board', relation: 'host-institution' },
  { id: 'westland-eb', role: 'exam-board', relation: 'other' },
  { id: 'waal-admissions', role: 'host-admissions', relation: 'own-institution' },
  { id: 'ijssel-admissions', role: 'host-admissions', relation: 'host-institution' },
  { id: 'westland-admissions', role: 'host-admissions', relation: 'other' },
  { id: 'waal-registrar', role: 'registrar', relation: 'own-institution' },
  { id: 'ijssel-registrar', role: 'registrar', relation: 'host-institution' },
  { id: 'westland-registrar', role: 'registrar', relation: 'other' },
  { id: 'waal-admin', role: 'admin', relation: 'own-institution' },
  { id: 'ijssel-admin', role: 'admin', relation: 'host-institution' },
  { id: 'westland-admin', role: 'admin', relation: 'other' },
];

/** The scopes a relation implies: one's own programme is within one's own institution. */
const IMPLIED: Record<Relation, Scope[]> = {
  own: ['own', 'own-programme', 'own-institution'],
  'own-programme': ['own-programme', 'own-institution'],
  'own-institution': ['own-institution'],
  'host-institution': ['host-institution'],
  other: [],
};

/** Which sides an object involves. README: the home side once submitted, the host once sent there. */
interface Involved {
  home: boolean;
  host: boolean;
}

function scopesFor(relation: Relation, involved: Involved): Scope[] {
  const scopes = IMPLIED[relation].filter(
    (s) => s === 'own' || (s === 'host-institution' ? involved.host : involved.home),
  );
  return scopes.length > 0 ? scopes : ['other'];
}

type Stage =
  | 'draft'
  | 'awaiting_approval'
  | 'rejected_by_exam_board'
  | 'awaiting_admission'
  | 'enrolled'
  | 'awaiting_recognition'
  | 'recognised'
  | 'delivery_failed';

const INVOLVED_AT: Record<Stage, Involved> = {
  draft: { home: false, host: false },
  awaiting_approval: { home: true, host: false },
  rejected_by_exam_board: { home: true, host: false },
  awaiting_admission: { home: true, host: true },
  enrolled: { home: true, host: true },
  awaiting_recognition: { home: true, host: true },
  recognised: { home: true, host: true },
  delivery_failed: { home: true, host: true },
};

interface Fixture {
  view: RequestView;
  componentId: string;
  /** A path under the component: `…/components/{componentId}/<action>`. */
  path(action: string): string;
}

/** What the endpoint acts on, and so a persona's scopes to it. */
type Target =
  | { kind: 'request'; stage: Stage }
  | { kind: 'self' }
  | { kind: 'catalogue' }
  /** Macca's credit record: her home side, no host. */
  | { kind: 'student' }
  /** One of Macca's notifications: hers alone. */
  | { kind: 'notification' }
  /** A student in the register of the caller's own institution, the only register a path can name. */
  | { kind: 'register' }
  /** The catalogue the caller's institution keeps: the only one the path names, as it names none. */
  | { kind: 'own-catalogue' }
  /** An offering of uni-waal's: their own institution's, or another's, which they see in the catalogue. */
  | { kind: 'offering' }
  /** An institution the call names: the caller's own, or another, which everyone sees in the catalogue. */
  | { kind: 'institution'; code: string }
  | { kind: 'anyone' };

interface Endpoint {
  route: string;
  action: ActionName;
  target: Target;
  call(as: Persona | null, f: Fixture): Promise<Response>;
  /** A list scoped by the matrix: whether it shows the fixture's component. */
  lists?(body: unknown, f: Fixture): boolean;
  /** An allowed cell changes state: it gets a fresh fixture. */
  changes?: boolean;
  /** What an allowed call must have done. */
  effect?(as: Persona, f: Fixture, response: Response): void | Promise<void>;
}

const HOST_OFFERING = 'uni-ijssel/DS-ML';
/**
 * Each fixture is a request of Macca's for an offering of its own, as she may have only one live request per
 * offering: copies of Machine Learning, added to uni-ijssel's catalogue below.
 */
const FIXTURE_OFFERINGS = 80;
/** Outside every persona's programme, so any student may ask for it. */
const OTHER_OFFERING = 'hs-delta/ALO-BD1';
/** uni-waal's offerings that its admins change and close; the one they reopen is a closed copy, made below. */
const KEPT_OFFERINGS = { change: 'uni-waal/FQD-31306', close: 'uni-waal/PBT-21806' };
/** Takes part through its own system here, whose catalogue its admins synchronise. */
const OWN_SYSTEM = 'hs-westland';
/** The institution of each persona, by the start of their id (the students by name). */
const INSTITUTION_OF: Record<string, string> = {
  macca: 'uni-waal',
  mara: 'uni-waal',
  noor: 'uni-waal',
  daan: 'uni-ijssel',
  sem: 'hs-westland',
  waal: 'uni-waal',
  ijssel: 'uni-ijssel',
  westland: 'hs-westland',
};
const institutionOfPersona = (p: Persona) => INSTITUTION_OF[p.id.split('-')[0]];

/** Stands in for uni-ijssel's own system, which the test takes down to make deliveries fail for good. */
class SwitchableHostSystem extends InAppStudentInformationSystem {
  up = true;

  override announceAdmission(a: AdmissionAnnouncement): Promise<{ reference: string }> {
    return this.up
      ? super.announceAdmission(a)
      : Promise.reject(new Error('connect ETIMEDOUT sis.uni-ijssel'));
  }
}

describe('the authorization matrix, walked over HTTP', () => {
  let ijssel: SwitchableHostSystem;
  let t: TestApp;
  let j: Journey;
  const started = Date.now();
  const tally = { allowed: 0, denied: 0, leftOut: 0, unauthenticated: 0 };

  const as = (p: Persona | null) => {
    if (p) return t.as(p.id);
    return {
      get: (path: string) => t.http().get(path),
      post: (path: string, body: object = {}) => t.http().post(path).send(body),
      put: (path: string, body: object) => t.http().put(path).send(body),
      patch: (path: string, body: object) => t.http().patch(path).send(body),
    };
  };
  /** Each persona's institution, whose register is the one they name. */
  const institutionOf = async (p: Persona | null) =>
    p
      ? (await t.dataSource.manager.findOneByOrFail(PersonEntity, { id: p.id })).institutionCode
      : 'uni-waal';
  let entered = 0;
  let offered = 0;
  let reopenable = '';
  const keptOffering = async (ref: string) =>
    t.dataSource.manager.findOneByOrFail(OfferingEntity, { id: await j.offeringId(ref) });
  const state = async (f: Fixture) => j.state(f.componentId);
  const history = async (f: Fixture) => j.history(f.componentId);

  const ENDPOINTS: Endpoint[] = [
    {
      route: 'get /health',
      action: 'health.read',
      target: { kind: 'anyone' },
      call: async (p) => as(p).get('/health'),
    },
    {
      route: 'get /sign-in/institutions',
      action: 'sign-in.institutions',
      target: { kind: 'anyone' },
      call: async (p) => as(p).get('/sign-in/institutions'),
    },
    {
      route: 'get /dev/people',
      action: 'dev.people',
      target: { kind: 'anyone' },
      call: async (p) => as(p).get('/dev/people'),
    },
    {
      route: 'post /dev/tokens',
      action: 'dev.token',
      target: { kind: 'anyone' },
      call: async (p) => as(p).post('/dev/tokens', { personId: 'macca' }),
    },
    // Leerroutes as an OOAPI provider of the catalogue: for other platforms, which have no one signed in.
    ...['', '/courses'].map((path): Endpoint => ({
      route: `get ${OOAPI_PREFIX}${path}`,
      action: 'ooapi.catalogue.read',
      target: { kind: 'anyone' },
      call: async (p) => as(p).get(`${OOAPI_PREFIX}${path}`),
    })),
    {
      route: `get ${OOAPI_PREFIX}/courses/{courseId}`,
      action: 'ooapi.catalogue.read',
      target: { kind: 'anyone' },
      call: async (p) =>
        as(p).get(`${OOAPI_PREFIX}/courses/${COURSE_IDS.of(await j.offeringId(HOST_OFFERING))}`),
    },
    {
      route: `get ${OOAPI_PREFIX}/courses/{courseId}/offerings`,
      action: 'ooapi.catalogue.read',
      target: { kind: 'anyone' },
      call: async (p) =>
        as(p).get(
          `${OOAPI_PREFIX}/courses/${COURSE_IDS.of(await j.offeringId(HOST_OFFERING))}/offerings`,
        ),
      effect: (_p, _f, r) => expect(r.body.items).toHaveLength(1),
    },
    {
      route: `get ${OOAPI_PREFIX}/offerings/{offeringId}`,
      action: 'ooapi.catalogue.read',
      target: { kind: 'anyone' },
      call: async (p) =>
        as(p).get(
          `${OOAPI_PREFIX}/offerings/${OFFERING_IDS.of(await j.offeringId(HOST_OFFERING))}`,
        ),
    },
    {
      route: 'get /me',
      action: 'me.read',
      target: { kind: 'self' },
      call: async (p) => as(p).get('/me'),
      effect: (p, _f, r) => expect(r.body).toMatchObject({ id: p.id, role: p.role }),
    },
    {
      route: 'get /me/export',
      action: 'me.export',
      target: { kind: 'self' },
      call: async (p) => as(p).get('/me/export'),
      effect: (p, _f, r) => expect(r.body.person.id).toBe(p.id),
    },
    ...['/institutions', '/institutions/uni-ijssel', '/offerings'].map((url): Endpoint => ({
      route: `get ${url.replace('uni-ijssel', '{code}')}`,
      action: 'catalogue.read',
      target: { kind: 'catalogue' },
      call: async (p) => as(p).get(url),
    })),
    {
      route: 'get /offerings/{id}',
      action: 'catalogue.read',
      target: { kind: 'catalogue' },
      call: async (p) => as(p).get(`/offerings/${await j.offeringId(HOST_OFFERING)}`),
    },
    {
      route: 'post /requests',
      action: 'request.create',
      target: { kind: 'self' },
      call: async (p) =>
        as(p).post('/requests', {
          motivation: 'Broadening my profile.',
          components: [
            {
              offeringId: await j.offeringId(OTHER_OFFERING),
              countsAs: 'elective-space',
              motivation: 'Movement and health fit my programme.',
            },
          ],
        }),
      effect: (p, _f, r) => expect(r.body.student.id).toBe(p.id),
    },
    {
      route: 'get /requests',
      action: 'request.list',
      target: { kind: 'self' },
      call: async (p) => as(p).get('/requests?pageSize=100'),
      effect: (p, _f, r) => {
        const owners = (r.body.items as { studentId: string }[]).map((i) => i.studentId);
        expect(owners.filter((o) => o !== p.id)).toEqual([]);
      },
    },
    ...(['draft', 'awaiting_approval', 'awaiting_admission'] as const).map((stage): Endpoint => ({
      route: 'get /requests/{id}',
      action: 'request.read',
      target: { kind: 'request', stage },
      call: async (p, f) => as(p).get(`/requests/${f.view.id}`),
      effect: (_p, f, r) => expect(r.body.components[0].id).toBe(f.componentId),
    })),
    {
      route: 'post /requests/{id}/submit',
      action: 'request.submit',
      target: { kind: 'request', stage: 'draft' },
      changes: true,
      call: async (p, f) => as(p).post(`/requests/${f.view.id}/submit`),
      effect: async (_p, f) => expect(await state(f)).toBe('awaiting_approval'),
    },
    {
      route: 'post /requests/{id}/withdraw',
      action: 'request.withdraw',
      target: { kind: 'request', stage: 'awaiting_approval' },
      changes: true,
      call: async (p, f) =>
        as(p).post(`/requests/${f.view.id}/withdraw`, { reason: 'Changed plans.' }),
      effect: async (_p, f) => expect(await state(f)).toBe('withdrawn'),
    },
    {
      route: 'post /requests/{id}/components/{componentId}/withdraw',
      action: 'component.withdraw',
      target: { kind: 'request', stage: 'awaiting_admission' },
      changes: true,
      call: async (p, f) => as(p).post(f.path('withdraw'), { reason: 'Changed plans.' }),
      effect: async (_p, f) => expect(await state(f)).toBe('withdrawn'),
    },
    {
      route: 'post /requests/{id}/components/{componentId}/objection',
      action: 'component.object',
      target: { kind: 'request', stage: 'rejected_by_exam_board' },
      changes: true,
      call: async (p, f) =>
        as(p).post(f.path('objection'), { grounds: 'The unit is part of my thesis plan.' }),
      effect: async (_p, f) => expect(await state(f)).toBe('awaiting_approval'),
    },
    {
      route: 'post /requests/{id}/components/{componentId}/approval',
      action: 'component.approve',
      target: { kind: 'request', stage: 'awaiting_approval' },
      changes: true,
      call: async (p, f) => as(p).post(f.path('approval'), { decision: 'approve' }),
      effect: async (_p, f) => expect(await history(f)).toContain('approve'),
    },
    {
      route: 'post /requests/{id}/components/{componentId}/admission',
      action: 'component.admit',
      target: { kind: 'request', stage: 'awaiting_admission' },
      changes: true,
      call: async (p, f) => as(p).post(f.path('admission'), { decision: 'admit' }),
      effect: async (_p, f) => expect(await state(f)).toBe('enrolled'),
    },
    {
      route: 'post /requests/{id}/components/{componentId}/result',
      action: 'component.record-result',
      target: { kind: 'request', stage: 'enrolled' },
      changes: true,
      call: async (p, f) =>
        as(p).post(f.path('result'), { grade: '8', passed: true, credits: 6, final: true }),
      effect: async (_p, f) => expect(await history(f)).toContain('record_result'),
    },
    {
      route: 'post /requests/{id}/components/{componentId}/recognition',
      action: 'component.recognise',
      target: { kind: 'request', stage: 'awaiting_recognition' },
      changes: true,
      call: async (p, f) => as(p).post(f.path('recognition'), { decision: 'recognise' }),
      effect: async (_p, f) => expect(await state(f)).toBe('recognised'),
    },
    {
      route: 'post /requests/{id}/components/{componentId}/registration',
      action: 'component.register',
      target: { kind: 'request', stage: 'recognised' },
      changes: true,
      call: async (p, f) => as(p).post(f.path('registration')),
      effect: async (_p, f, r) => {
        expect(r.status).toBe(201);
        expect(
          await t.dataSource.manager.countBy(CreditEntryEntity, { componentId: f.componentId }),
        ).toBe(1);
      },
    },
    {
      route: 'post /requests/{id}/components/{componentId}/redelivery',
      action: 'component.redeliver',
      target: { kind: 'request', stage: 'delivery_failed' },
      changes: true,
      call: async (p, f) => as(p).post(f.path('redelivery')),
      effect: async (_p, f) => expect(await history(f)).toContain('redeliver'),
    },
    ...(
      [
        ['exam-board', 'inbox.exam-board', 'awaiting_approval'],
        ['admissions', 'inbox.admissions', 'awaiting_admission'],
        ['results', 'inbox.results', 'enrolled'],
        ['registrations', 'inbox.registrations', 'recognised'],
      ] as const
    ).map(([kind, action, stage]): Endpoint => ({
      route: 'get /inbox/{kind}',
      action,
      target: { kind: 'request', stage },
      call: async (p) => as(p).get(`/inbox/${kind}?pageSize=100`),
      lists: (body, f) =>
        (body as { items: { componentId: string }[] }).items.some(
          (i) => i.componentId === f.componentId,
        ),
    })),
    {
      route: 'get /admin/delivery-failures',
      action: 'delivery-failure.list',
      target: { kind: 'request', stage: 'delivery_failed' },
      call: async (p) => as(p).get('/admin/delivery-failures?pageSize=100'),
      lists: (body, f) =>
        (body as { items: { id: string }[] }).items.some((i) => i.id === f.componentId),
    },
    {
      route: 'get /admin/students/{subject}',
      action: 'student-register.read',
      target: { kind: 'register' },
      call: async (p) => {
        const { subject } = await t.dataSource.manager.findOneOrFail(StudentRegisterEntity, {
          where: { institutionCode: await institutionOf(p) },
          order: { subject: 'ASC' },
        });
        return as(p).get(`/admin/students/${subject}`);
      },
      effect: async (p, _f, r) => expect(r.body.institutionCode).toBe(await institutionOf(p)),
    },
    {
      route: 'put /admin/students/{subject}',
      action: 'student-register.write',
      target: { kind: 'register' },
      call: async (p) => {
        entered += 1;
        const institutionCode = await institutionOf(p);
        const { programmes } = REGISTERED_INSTITUTIONS.find((d) => d.code === institutionCode)!;
        return as(p).put(`/admin/students/matrix-${entered}`, {
          studentNumber: `m${entered}`,
          programmeCodes: [programmes[0].code],
        });
      },
      effect: async (p, _f, r) =>
        expect(
          await t.dataSource.manager.findOneBy(StudentRegisterEntity, {
            institutionCode: await institutionOf(p),
            subject: r.body.subject,
          }),
        ).toMatchObject({ studentNumber: r.body.studentNumber }),
    },
    {
      route: 'get /admin/offerings',
      action: 'offering.list',
      target: { kind: 'own-catalogue' },
      call: async (p) => as(p).get('/admin/offerings?pageSize=100'),
      effect: async (p, _f, r) => {
        const institutions = (r.body.items as { institutionCode: string }[]).map(
          (o) => o.institutionCode,
        );
        expect(institutions.length).toBeGreaterThan(0);
        expect(new Set(institutions)).toEqual(new Set([await institutionOf(p)]));
      },
    },
    {
      route: 'post /admin/offerings',
      action: 'offering.write',
      target: { kind: 'own-catalogue' },
      call: async (p) => {
        offered += 1;
        const institutionCode = await institutionOf(p);
        const { programmes } = REGISTERED_INSTITUTIONS.find((d) => d.code === institutionCode)!;
        return as(p).post('/admin/offerings', {
          code: `MATRIX-${offered}`,
          programmeCode: programmes[0].code,
          title: 'Matrix Methods',
          description: 'Linear algebra for everyone.',
          credits: 5,
          period: '2026-2027 P4',
          language: 'nl',
          capacity: 20,
          enrolmentDeadline: '2027-03-01',
        });
      },
      effect: async (p, _f, r) =>
        expect(r.body).toMatchObject({
          institutionCode: await institutionOf(p),
          status: 'open',
          version: 1,
        }),
    },
    {
      route: 'patch /admin/offerings/{id}',
      action: 'offering.write',
      target: { kind: 'offering' },
      call: async (p) =>
        as(p).patch(`/admin/offerings/${await j.offeringId(KEPT_OFFERINGS.change)}`, {
          description: 'Designing food products for quality, shelf life and less waste.',
        }),
      effect: async () =>
        expect((await keptOffering(KEPT_OFFERINGS.change)).description).toMatch(/less waste/),
    },
    {
      route: 'post /admin/offerings/{id}/close',
      action: 'offering.write',
      target: { kind: 'offering' },
      call: async (p) =>
        as(p).post(`/admin/offerings/${await j.offeringId(KEPT_OFFERINGS.close)}/close`),
      effect: async () =>
        expect((await keptOffering(KEPT_OFFERINGS.close)).closedAt).not.toBeNull(),
    },
    {
      route: 'post /admin/offerings/{id}/reopen',
      action: 'offering.write',
      target: { kind: 'offering' },
      call: async (p) => as(p).post(`/admin/offerings/${await j.offeringId(reopenable)}/reopen`),
      effect: async () => expect((await keptOffering(reopenable)).closedAt).toBeNull(),
    },
    {
      route: 'get /admin/catalogue-syncs',
      action: 'catalogue-sync.list',
      target: { kind: 'own-catalogue' },
      call: async (p) => as(p).get('/admin/catalogue-syncs?pageSize=100'),
      effect: async (p, _f, r) => {
        const own = await institutionOf(p);
        const runs = r.body.items as { institutionCode: string }[];
        expect(runs.filter((run) => run.institutionCode !== own)).toEqual([]);
      },
    },
    {
      route: 'post /admin/catalogue-syncs',
      action: 'catalogue-sync.request',
      target: { kind: 'institution', code: OWN_SYSTEM },
      call: async (p) => as(p).post('/admin/catalogue-syncs', { institutionCode: OWN_SYSTEM }),
      effect: (_p, _f, r) => {
        expect(r.status).toBe(202);
        expect(r.body).toMatchObject({
          institutionCode: OWN_SYSTEM,
          trigger: 'admin',
          status: 'queued',
        });
      },
    },
    {
      route: 'get /audit',
      action: 'audit.read',
      target: { kind: 'request', stage: 'awaiting_admission' },
      call: async (p, f) => as(p).get(`/audit?requestId=${f.view.id}&pageSize=100`),
      effect: (_p, f, r) => {
        const requests = (r.body.items as { requestId: string }[]).map((e) => e.requestId);
        expect(requests.length).toBeGreaterThan(0);
        expect(requests.filter((id) => id !== f.view.id)).toEqual([]);
      },
    },
    {
      route: 'get /students/{studentId}/credit-record',
      action: 'credit-record.read',
      target: { kind: 'student' },
      call: async (p) => as(p).get('/students/macca/credit-record'),
      effect: (_p, _f, r) => expect(r.body.student.id).toBe('macca'),
    },
    {
      route: 'get /notifications',
      action: 'notification.list',
      target: { kind: 'self' },
      call: async (p) => as(p).get('/notifications?pageSize=100'),
      effect: (p, _f, r) => {
        const recipients = (r.body.items as { recipientId: string }[]).map((n) => n.recipientId);
        expect(recipients.filter((id) => id !== p.id)).toEqual([]);
      },
    },
    {
      route: 'post /notifications/{id}/read',
      action: 'notification.mark-read',
      target: { kind: 'notification' },
      call: async (p, f) => as(p).post(`/notifications/${await notificationOf(f)}/read`),
      effect: async (_p, f) => {
        const notification = await t.dataSource.manager.findOneByOrFail(NotificationEntity, {
          id: await notificationOf(f),
        });
        expect(notification.readAt).not.toBeNull();
      },
    },
  ];

  /** Macca's first notification about the fixture (the exam board's approval). */
  const notificationOf = async (f: Fixture) =>
    (
      await t.dataSource.manager.findOneOrFail(NotificationEntity, {
        where: { recipientId: 'macca', componentId: f.componentId },
        order: { id: 'ASC' },
      })
    ).id;

  function scopesOf(target: Target, persona: Persona): Scope[] {
    switch (target.kind) {
      case 'request':
        return scopesFor(persona.relation, INVOLVED_AT[target.stage]);
      case 'student':
        return scopesFor(persona.relation, { home: true, host: false });
      case 'notification':
        return scopesFor(persona.relation, { home: false, host: false });
      case 'self':
        return ['own'];
      case 'register':
      case 'own-catalogue':
        return ['own-institution'];
      case 'offering':
        return IMPLIED[persona.relation].includes('own-institution')
          ? ['own-institution']
          : ['other'];
      case 'institution':
        return institutionOfPersona(persona) === target.code ? ['own-institution'] : ['other'];
      case 'catalogue':
      case 'anyone':
        return scopesFor(persona.relation, { home: true, host: true });
    }
  }

  /** What the matrix says a cell gives: allowed, or the status of its refusal. */
  function expected(endpoint: Endpoint, persona: Persona): 'allowed' | 403 | 404 {
    // A list answers every role that has some scope for it, holding only what lies in its scopes.
    if (endpoint.lists) return mayEverTake(persona.role, endpoint.action) ? 'allowed' : 403;
    const scopes = scopesOf(endpoint.target, persona);
    if (permits(persona.role, endpoint.action, scopes)) return 'allowed';
    if (!mayEverTake(persona.role, endpoint.action)) return 403;
    const seeing = VISIBLE_THROUGH[ruleOf(endpoint.action).subject];
    return seeing && !permits(persona.role, seeing, scopes) ? 404 : 403;
  }

  const cellName = (e: Endpoint) =>
    `${e.action}: ${e.route}` + (e.target.kind === 'request' ? `, ${e.target.stage}` : '');
  const stageOf = (e: Endpoint): Stage =>
    e.target.kind === 'request' ? e.target.stage : 'awaiting_admission';

  /** Takes Macca's request with one component at uni-ijssel to the stage, through the API. */
  let fixtures = 0;
  let fixtureOfferings: string[] = [];
  async function build(stage: Stage): Promise<Fixture> {
    fixtures += 1;
    if (fixtures > FIXTURE_OFFERINGS) throw new Error('Add fixture offerings: FIXTURE_OFFERINGS');
    const parts = [{ offering: fixtureOfferings[fixtures - 1] }];
    const view =
      stage === 'draft' ? await j.compose('macca', parts) : await j.submitted('macca', parts);
    const f: Fixture = {
      view,
      componentId: view.components[0].id,
      path: (action) => j.path(view, 0, action),
    };
    const act = (person: string, action: string, body: object) =>
      j.act(person, f.path(action), body);
    const result = async (credits: number, expected: 'recognised' | 'awaiting_recognition') => {
      await j.approved('waal-eb-life', view);
      await j.admitted('ijssel-admissions', view);
      await j.resultHome(
        'ijssel-registrar',
        view,
        0,
        { grade: '7', passed: true, credits },
        expected,
      );
    };
    switch (stage) {
      case 'draft':
      case 'awaiting_approval':
        break;
      case 'rejected_by_exam_board':
        await act('waal-eb-life', 'approval', {
          decision: 'reject',
          motivation: 'Overlaps msc-food.',
        });
        break;
      case 'delivery_failed':
        await act('waal-eb-life', 'approval', { decision: 'approve' });
        await waitFor(
          async () =>
            (await t.dataSource.manager.findOneByOrFail(ComponentEntity, { id: f.componentId }))
              .deliveryFailedAt ?? undefined,
          { timeoutMs: 15000, intervalMs: 100 },
        );
        break;
      case 'awaiting_admission':
        await j.approved('waal-eb-life', view);
        break;
      case 'enrolled':
        await j.approved('waal-eb-life', view);
        await j.admitted('ijssel-admissions', view);
        break;
      case 'awaiting_recognition':
        // Fewer credits than approved: the home exam board decides.
        await result(4, 'awaiting_recognition');
        break;
      case 'recognised':
        await result(6, 'recognised');
        break;
    }
    return f;
  }

  const shared = new Map<Stage, Fixture>();
  /** One fresh fixture for each allowed cell of an endpoint that changes state. */
  const fresh = new Map<Endpoint, Fixture[]>();
  const allowedOf = (e: Endpoint) => PERSONAS.filter((p) => expected(e, p) === 'allowed');

  /** Everything a refused call could have changed. */
  const snapshot = async () =>
    (
      await t.dataSource.query(`SELECT
        (SELECT json_agg(json_build_array(id, state, version, delivery_failed_at) ORDER BY id)
          FROM components) AS components,
        (SELECT count(*) FROM requests) AS requests,
        (SELECT count(*) FROM transitions) AS transitions,
        (SELECT count(*) FROM component_results) AS results,
        (SELECT count(*) FROM recognitions) AS recognitions,
        (SELECT count(*) FROM credit_entries) AS credits,
        (SELECT count(*) FROM audit_log) AS audit,
        (SELECT count(*) FROM outbox) AS outbox,
        (SELECT count(*) FROM student_register) AS register,
        (SELECT count(*) FILTER (WHERE read_at IS NOT NULL) || '/' || count(*) FROM notifications)
          AS notifications,
        (SELECT json_agg(json_build_array(id, enrolled_count, capacity, description, enrolment_deadline,
          closed_at, version) ORDER BY id) FROM offerings) AS offerings`)
    )[0] as Record<string, unknown>;

  beforeAll(async () => {
    const institutions = IN_APP_INSTITUTIONS.map((d) =>
      d.code === 'uni-ijssel'
        ? {
            ...d,
            studentInformationSystem: ({ register }: SystemContext) =>
              (ijssel = new SwitchableHostSystem('uni-ijssel', register)),
          }
        : d.code === OWN_SYSTEM
          ? { ...d, ooapi: unreachableConnection('westland-system') }
          : d,
    );
    // Two attempts: a delivery to a host that is down fails for good within about a second.
    t = await TestApp.start({
      institutions,
      env: { JOB_ATTEMPTS: '2', OOAPI_CLIENT_SECRETS: `${OWN_SYSTEM}=never-used` },
    });
    j = new Journey(t);
    await t.dataSource.manager.insert(PersonEntity, {
      id: 'mara',
      institutionCode: 'uni-waal',
      role: 'student',
      name: 'Mara de Vries',
      email: 'mara@student.uni-waal.example',
      studentNumber: 's1061234',
      programmeCodes: ['msc-food'],
    });
    // As uni-waal's own records hold her: her sign-in takes her programme from there.
    await t.ownerQuery(
      `INSERT INTO student_register (institution_code, subject, student_number, programme_codes)
       VALUES ('uni-waal', 'mara', 's1061234', '{msc-food}')`,
    );
    fixtureOfferings = await j.copiesOf(HOST_OFFERING, FIXTURE_OFFERINGS);
    [reopenable] = await j.copiesOf(KEPT_OFFERINGS.change, 1);
    await t.dataSource.query('UPDATE offerings SET closed_at = $1 WHERE id = $2', [
      new Date(TEST_START),
      await j.offeringId(reopenable),
    ]);
    const stages = [...new Set(ENDPOINTS.map(stageOf))];
    const need = (forStage: (s: Stage) => boolean) => [
      ...stages.filter(forStage).map(async (s) => shared.set(s, await build(s))),
      ...ENDPOINTS.filter((e) => e.changes && forStage(stageOf(e))).map(async (e) =>
        fresh.set(e, await Promise.all(allowedOf(e).map(() => build(stageOf(e))))),
      ),
    ];
    // uni-ijssel's system is down only while the failed deliveries are made.
    ijssel.up = false;
    await Promise.all(need((s) => s === 'delivery_failed'));
    ijssel.up = true;
    await Promise.all(need((s) => s !== 'delivery_failed'));
  }, 60000);

  afterAll(async () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `authorization matrix: ${tally.allowed + tally.denied} cells (${tally.allowed} allowed, of which ` +
        `${tally.leftOut} lists without the object; ${tally.denied} denied), ` +
        `${tally.unauthenticated} calls without a token, ${seconds} s\n`,
    );
    await t.close();
  });

  it('declares an action for every route the API serves, and walks every route and action', async () => {
    const document = (await t.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { 'x-actions'?: ActionName[] }>>;
    };
    // The OOAPI provider's routes are in the OOAPI document, not ours: their handlers say their actions.
    // The callback for institutions' systems is a machine's, outside the people's matrix (tested below).
    const ooapiHandlers = routesOfController(OoapiCatalogueController);
    const machineRoutes = routesOfController(OoapiController);
    const served = [...servedRoutes(t), ...ooapiRoutes(t).map(ooapiUrl)]
      .filter((route) => !machineRoutes.has(route))
      .sort();
    const actionsOf = (route: string): ActionName[] => {
      const handler = ooapiHandlers.get(route);
      if (handler) {
        const extensions = Reflect.getMetadata(DECORATORS.API_EXTENSION, handler) as
          { 'x-actions'?: ActionName[] } | undefined;
        return extensions?.['x-actions'] ?? [];
      }
      const [method, path] = route.split(' ');
      return document.paths[path]?.[method]?.['x-actions'] ?? [];
    };
    expect(served.filter((r) => actionsOf(r).length === 0)).toEqual([]);
    expect([...new Set(served.flatMap(actionsOf))].sort()).toEqual([...ACTIONS].sort());
    expect([...new Set(ENDPOINTS.map((e) => e.route))].sort()).toEqual(served);
    for (const e of ENDPOINTS) expect(actionsOf(e.route)).toContain(e.action);
  });

  it("refuses every person, whatever their role, and no token at all, on the OOAPI provider's routes: those are for institutions' own systems (their machine clients, see ooapi-hosts.e2e-spec)", async () => {
    const machineRoutes = routesOfController(OoapiController);
    const routes = ooapiRoutes(t).filter((route) => machineRoutes.has(ooapiUrl(route)));
    expect(routes).toEqual(['patch /associations/{associationId}']);
    const wrong: string[] = [];
    const f = shared.get('awaiting_admission')!;
    for (const route of routes) {
      const [method, template] = route.split(' ') as ['patch', string];
      const url = `${OOAPI_PREFIX}${template.replace('{associationId}', f.componentId)}`;
      for (const persona of [null, ...PERSONAS]) {
        const before = await snapshot();
        let call = t
          .http()
          [method](url)
          .set('Content-Type', 'application/merge-patch+json')
          .send('{"remoteState":"associated"}');
        if (persona) call = call.set('Authorization', `Bearer ${await t.token(persona.id)}`);
        const response = await call;
        tally.unauthenticated += persona ? 0 : 1;
        tally.denied += persona ? 1 : 0;
        if (response.status !== 401)
          wrong.push(`${route} ${persona?.id ?? 'no token'}: ${response.status}`);
        if (JSON.stringify(await snapshot()) !== JSON.stringify(before))
          wrong.push(`${route} ${persona?.id ?? 'no token'} changed data`);
      }
    }
    expect(wrong).toEqual([]);
  });

  describe('refused cells: 403, or 404 where the object may not be seen; nothing changes', () => {
    it.each(ENDPOINTS.map((e) => [cellName(e), e] as const))('%s', async (_name, endpoint) => {
      const f = shared.get(stageOf(endpoint))!;
      const wrong: string[] = [];
      if (!isPublicAction(endpoint.action)) {
        const before = await snapshot();
        const anonymous = await endpoint.call(null, f);
        tally.unauthenticated += 1;
        if (anonymous.status !== 401) wrong.push(`without a token: ${anonymous.status}`);
        expect(await snapshot()).toEqual(before);
      }
      for (const persona of PERSONAS) {
        const outcome = expected(endpoint, persona);
        if (outcome === 'allowed') continue;
        const before = await snapshot();
        const response = await endpoint.call(persona, f);
        tally.denied += 1;
        if (response.status !== outcome) {
          wrong.push(`${persona.id}: ${response.status}, expected ${outcome}`);
        } else if (!/^application\/problem\+json/.test(response.headers['content-type'])) {
          wrong.push(`${persona.id}: ${response.headers['content-type']}`);
        }
        const after = await snapshot();
        if (JSON.stringify(after) !== JSON.stringify(before))
          wrong.push(`${persona.id} changed data`);
      }
      expect(wrong).toEqual([]);
    });
  });

  describe('allowed cells work', () => {
    it.each(ENDPOINTS.map((e) => [cellName(e), e] as const))('%s', async (_name, endpoint) => {
      const allowed = allowedOf(endpoint);
      expect(allowed.length).toBeGreaterThan(0);
      if (isPublicAction(endpoint.action)) {
        expect((await endpoint.call(null, shared.get(stageOf(endpoint))!)).status).toBe(200);
        tally.unauthenticated += 1;
      }
      for (const [i, persona] of allowed.entries()) {
        const f = endpoint.changes ? fresh.get(endpoint)![i] : shared.get(stageOf(endpoint))!;
        const response = await endpoint.call(persona, f);
        tally.allowed += 1;
        if (response.status >= 300) expectStatus(response, 200);
        if (endpoint.lists) {
          // A list holds the object exactly where the matrix grants this persona's scope to it.
          const listed = permits(persona.role, endpoint.action, scopesOf(endpoint.target, persona));
          tally.leftOut += listed ? 0 : 1;
          expect({ persona: persona.id, listed: endpoint.lists(response.body, f) }).toEqual({
            persona: persona.id,
            listed,
          });
        }
        await endpoint.effect?.(persona, f, response);
      }
    });
  });
});
