import type { Response } from 'supertest';
import { CatalogueSyncEntity, ComponentEntity } from '@lr/database';
import { waitFor } from '@lr/testing';
import { OoapiValidator, loadOoapiV5Spec } from '@lr/ooapi';
import { COURSE_IDS, OFFERING_IDS, RequestView } from '@lr/workflow';
import { DeclaredFieldsInterceptor } from '../src/http/declared-fields.interceptor';
import { Journey, expectStatus } from './journey';
import { OoapiStub, unreachableConnection } from './ooapi-stub';
import { OOAPI_PREFIX, ooapiRoutes } from './served-routes';
import { SwitchableHostSystem, withSwitchableWestland } from './switchable-host-system';
import { IN_APP_INSTITUTIONS, TestApp } from './test-app';

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
}

/**
 * Every endpoint the OpenAPI document lists, except these (with why). None so far: a route that answers with
 * something other than its documented JSON (HTML, a redirect) is not in the document at all.
 */
const NOT_CALLED: string[] = [];

/**
 * The paths in `value` that `schema` does not declare: a property neither in `properties` nor allowed by
 * `additionalProperties`, at any depth. Undeclared is what a client cannot know it receives, and so what a
 * privacy review of the document cannot see.
 */
function undeclaredFields(
  value: unknown,
  schema: Schema,
  document: OpenApiDocument,
  at = '$',
): string[] {
  const resolved = resolve(schema, document);
  if (value === null || typeof value !== 'object') return [];
  const alternatives = resolved.oneOf ?? resolved.anyOf;
  if (alternatives) {
    const tries = alternatives.map((s) => undeclaredFields(value, s, document, at));
    return tries.find((found) => found.length === 0) ?? tries.flat();
  }
  if (Array.isArray(value)) {
    if (!resolved.items) return [`${at}: an array where the schema declares none`];
    return value.flatMap((item, i) =>
      undeclaredFields(item, resolved.items!, document, `${at}[${i}]`),
    );
  }
  const parts = allOfParts(resolved, document);
  const properties = Object.assign({}, ...parts.map((p) => p.properties ?? {})) as Record<
    string,
    Schema
  >;
  const additional = parts.map((p) => p.additionalProperties).find((a) => a !== undefined);
  return Object.entries(value).flatMap(([key, field]) => {
    const declared = Object.hasOwn(properties, key)
      ? properties[key]
      : typeof additional === 'object'
        ? additional
        : undefined;
    if (declared) return undeclaredFields(field, declared, document, `${at}.${key}`);
    return additional === true ? [] : [`${at}.${key}`];
  });
}

/** A schema and what its allOf names, at any depth (the OOAPI document nests them: CourseOffering, Offering). */
function allOfParts(schema: Schema, document: OpenApiDocument): Schema[] {
  return [
    schema,
    ...(schema.allOf ?? []).flatMap((part) => allOfParts(resolve(part, document), document)),
  ];
}

function resolve(schema: Schema, document: OpenApiDocument): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return resolve(document.components.schemas[name], document);
}

describe('response bodies carry only the fields their OpenAPI schema declares', () => {
  let westland: SwitchableHostSystem;
  let t: TestApp;
  let j: Journey;
  let document: OpenApiDocument;

  beforeAll(async () => {
    const host = withSwitchableWestland();
    // hs-delta takes part through its own system, which never answers: its synchronisations fail.
    const institutions = host.institutions.map((d) =>
      d.code === 'hs-delta' ? { ...d, ooapi: unreachableConnection('delta-system') } : d,
    );
    // Few attempts, so that a delivery to the host that is down fails for good quickly, and a run too.
    t = await TestApp.start({
      institutions,
      env: { JOB_ATTEMPTS: '2', OOAPI_CLIENT_SECRETS: 'hs-delta=never-used' },
    });
    westland = host.system();
    j = new Journey(t);
    document = (await t.http().get('/docs-json').expect(200)).body as OpenApiDocument;
  });
  afterAll(() => t.close());

  it('answers with the body its handler returns only on the routes marked so', () => {
    // Terminus's health report: its own schema, no DTO class, no personal data.
    expect(t.app.get(DeclaredFieldsInterceptor).rawRoutes).toEqual(['HealthController.check']);
  });

  it("shows the catalogue's exam boards without the person who chairs them", async () => {
    const detail = expectStatus(await t.as('macca').get('/institutions/uni-waal'), 200).body;
    expect(detail.examBoards.length).toBeGreaterThan(0);
    for (const board of detail.examBoards) {
      expect(Object.keys(board).sort()).toEqual([
        'code',
        'decisionTermDays',
        'institutionCode',
        'name',
      ]);
    }
    expect(JSON.stringify(detail)).not.toContain('waal-eb-life-chair');
  });

  it('answers every documented endpoint, as the role it is for, with no undeclared field', async () => {
    const covered = new Set<string>();
    const leaks: string[] = [];

    /** Calls `path` (an instance of the documented `route`) and checks the body against its schema. */
    const call = async (
      person: string | null,
      route: string,
      path: string,
      status = 200,
      body?: object,
    ): Promise<Response> => {
      const [method, template] = route.split(' ') as ['get' | 'post' | 'put' | 'patch', string];
      let request =
        method === 'get'
          ? t.http().get(path)
          : t
              .http()
              [method](path)
              .send(body ?? {});
      if (person) request = request.set('Authorization', `Bearer ${await t.token(person)}`);
      const response = expectStatus(await request, status);
      const schema =
        document.paths[template]?.[method]?.responses[String(status)]?.content?.['application/json']
          ?.schema;
      if (!schema) throw new Error(`${route} documents no JSON body for ${status}`);
      // An empty answer would prove nothing about the fields of what it lists.
      expect({ route, empty: isEmpty(response.body) }).toEqual({ route, empty: false });
      leaks.push(
        ...undeclaredFields(response.body, schema, document).map(
          (p) => `${route} (${person}): ${p}`,
        ),
      );
      covered.add(route);
      return response;
    };
    const component = (view: RequestView, action: string) =>
      `/requests/${view.id}/components/${view.components[0].id}/${action}`;
    const COMPONENT = '/requests/{id}/components/{componentId}';

    await call(null, 'get /health', '/health');
    await call(null, 'get /sign-in/institutions', '/sign-in/institutions');
    await call(null, 'get /dev/people', '/dev/people');
    await call(null, 'post /dev/tokens', '/dev/tokens', 200, { personId: 'macca' });
    await call('macca', 'get /me', '/me');
    await call('macca', 'get /institutions', '/institutions');
    await call('macca', 'get /institutions/{code}', '/institutions/uni-waal');
    const offerings = await call('macca', 'get /offerings', '/offerings?q=machine');
    await call('macca', 'get /offerings/{id}', `/offerings/${offerings.body.items[0].id}`);

    // A request through every step: approval, admission, a deviating result, recognition, registration.
    const offeringId = await j.offeringId('uni-ijssel/DS-ML');
    const draft = (
      await call('macca', 'post /requests', '/requests', 201, {
        motivation: 'This learning route fits my graduation plan.',
        components: [
          { offeringId, countsAs: 'elective-space', motivation: 'It completes my profile.' },
        ],
      })
    ).body as RequestView;
    await call('macca', 'post /requests/{id}/submit', `/requests/${draft.id}/submit`);
    await call('waal-eb-life', 'get /inbox/{kind}', '/inbox/exam-board');
    await call('waal-eb-life', `post ${COMPONENT}/approval`, component(draft, 'approval'), 200, {
      decision: 'approve',
      motivation: 'It fits the profile of the food programme.',
    });
    await j.waitForState(draft.components[0].id, 'awaiting_admission');
    await call('ijssel-admissions', 'get /inbox/{kind}', '/inbox/admissions');
    for (const person of ['macca', 'waal-eb-life', 'ijssel-admissions', 'waal-admin']) {
      await call(person, 'get /requests/{id}', `/requests/${draft.id}`);
    }
    await call(
      'ijssel-admissions',
      `post ${COMPONENT}/admission`,
      component(draft, 'admission'),
      200,
      {
        decision: 'admit',
      },
    );
    await call('ijssel-registrar', 'get /inbox/{kind}', '/inbox/results');
    await call('ijssel-registrar', `post ${COMPONENT}/result`, component(draft, 'result'), 200, {
      grade: '7',
      passed: true,
      credits: 4,
      final: true,
    });
    await j.waitForState(draft.components[0].id, 'awaiting_recognition');
    await call(
      'waal-eb-life',
      `post ${COMPONENT}/recognition`,
      component(draft, 'recognition'),
      200,
      {
        decision: 'recognise',
      },
    );
    await call('waal-registrar', 'get /inbox/{kind}', '/inbox/registrations');
    await call(
      'waal-registrar',
      `post ${COMPONENT}/registration`,
      component(draft, 'registration'),
      201,
    );
    await call('macca', 'get /students/{studentId}/credit-record', '/students/macca/credit-record');
    await call(
      'waal-registrar',
      'get /students/{studentId}/credit-record',
      '/students/macca/credit-record',
    );

    // A rejection the student objects to, then withdraws; and a whole request withdrawn.
    const rejected = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-VIS' }]);
    await j.act('waal-eb-life', j.path(rejected, 0, 'approval'), {
      decision: 'reject',
      motivation: 'The unit overlaps with Statistics 2.',
    });
    await call('macca', `post ${COMPONENT}/objection`, component(rejected, 'objection'), 200, {
      grounds: 'Statistics 2 covers regression only.',
    });
    await call('macca', `post ${COMPONENT}/withdraw`, component(rejected, 'withdraw'), 200, {
      reason: 'I found another unit.',
    });
    const withdrawn = await j.submitted('noor', [{ offering: 'uni-ijssel/DS-ML' }]);
    await call('noor', 'post /requests/{id}/withdraw', `/requests/${withdrawn.id}/withdraw`, 200, {
      reason: 'Plans changed.',
    });
    await call('macca', 'get /requests', '/requests');

    // A delivery that failed for good, seen by the host's admin and sent again.
    const stuck = await j.submitted('aurelie', [{ offering: 'hs-westland/TB-KAS-TOM' }]);
    await j.act('waal-eb-life', j.path(stuck, 0, 'approval'), { decision: 'approve' });
    await waitFor(
      async () =>
        (
          await t.dataSource.manager.findOneByOrFail(ComponentEntity, {
            id: stuck.components[0].id,
          })
        ).deliveryFailedAt ?? undefined,
      { timeoutMs: 15000, intervalMs: 100 },
    );
    await call('westland-admin', 'get /admin/delivery-failures', '/admin/delivery-failures');
    await call('waal-admin', 'get /admin/delivery-failures', '/admin/delivery-failures');
    westland.up = true;
    await call('westland-admin', `post ${COMPONENT}/redelivery`, component(stuck, 'redelivery'));

    const notifications = await call('macca', 'get /notifications', '/notifications');
    await call(
      'macca',
      'post /notifications/{id}/read',
      `/notifications/${notifications.body.items[0].id}/read`,
    );
    await call(
      'waal-admin',
      'put /admin/students/{subject}',
      '/admin/students/waal-s3000001',
      200,
      {
        studentNumber: 's3000001',
        programmeCodes: ['msc-food'],
        tuition: [
          {
            academicYear: '2026-2027',
            paid: true,
            reference: 'BBC-WAAL-2026',
            issuedOn: '2026-09-01',
          },
        ],
      },
    );
    await call('waal-admin', 'get /admin/students/{subject}', '/admin/students/waal-s3000001');
    const offering = (
      await call('ijssel-admin', 'post /admin/offerings', '/admin/offerings', 201, {
        code: 'DS-NLP',
        programmeCode: 'msc-ds',
        title: 'Natural Language Processing',
        description: 'Language models and their evaluation.',
        credits: 6,
        period: '2026-2027 P4',
        language: 'en',
        capacity: 30,
        enrolmentDeadline: '2027-03-01',
        prerequisites: ['Machine Learning'],
      })
    ).body as { id: string };
    const kept = `/admin/offerings/${offering.id}`;
    await call('ijssel-admin', 'patch /admin/offerings/{id}', kept, 200, { capacity: 35 });
    await call('ijssel-admin', 'post /admin/offerings/{id}/close', `${kept}/close`);
    await call('ijssel-admin', 'get /admin/offerings', '/admin/offerings');
    await call('ijssel-admin', 'post /admin/offerings/{id}/reopen', `${kept}/reopen`);
    // A synchronisation asked for, which fails after its attempts: its errors show.
    const run = (
      await call('delta-admin', 'post /admin/catalogue-syncs', '/admin/catalogue-syncs', 202, {
        institutionCode: 'hs-delta',
      })
    ).body as { id: string };
    await waitFor(
      async () =>
        (
          await t.dataSource.manager.findOneBy(CatalogueSyncEntity, {
            id: run.id,
            status: 'failed',
          })
        )?.id,
      { timeoutMs: 15000, intervalMs: 100, what: 'the run to fail' },
    );
    const runs = await call('delta-admin', 'get /admin/catalogue-syncs', '/admin/catalogue-syncs');
    expect(runs.body.items[0].errors.length).toBeGreaterThan(0);
    await call('waal-admin', 'get /audit', `/audit?requestId=${draft.id}`);
    await call('ijssel-admin', 'get /audit', '/audit');
    await call('waal-eb-life', 'get /audit', `/audit?requestId=${draft.id}`);
    await call('macca', 'get /me/export', '/me/export');

    expect(leaks).toEqual([]);
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    expect([...covered].sort()).toEqual(documented.filter((r) => !NOT_CALLED.includes(r)).sort());
  });
});

/** Nothing to check the fields of: an empty object or list, or a page without items. */
function isEmpty(body: unknown): boolean {
  if (Array.isArray(body)) return body.length === 0;
  if (body === null || typeof body !== 'object') return true;
  const items = (body as { items?: unknown[] }).items;
  return Object.keys(body).length === 0 || (items !== undefined && items.length === 0);
}

describe("the OOAPI provider's answers carry only the fields the OOAPI v5 document declares", () => {
  let stub: OoapiStub;
  let t: TestApp;
  let j: Journey;

  beforeAll(async () => {
    stub = await OoapiStub.start({ 'uni-ijssel': 'ijssel-system' });
    t = await TestApp.start({
      institutions: IN_APP_INSTITUTIONS.map((d) =>
        d.code === 'uni-ijssel' ? { ...d, ooapi: stub.connection(d.code) } : d,
      ),
      env: { OOAPI_CLIENT_SECRETS: `uni-ijssel=${stub.clientSecret}` },
    });
    j = new Journey(t);
    await t.dataSource.query(
      `UPDATE offerings SET external_id = gen_random_uuid()::text WHERE institution_code = 'uni-ijssel'`,
    );
  });
  afterAll(async () => {
    await t.close();
    await stub.close();
  });

  it('answers every OOAPI operation it serves, as the host it is for, with only declared fields', async () => {
    const request = await j.submitted('macca', [{ offering: 'uni-ijssel/DS-ML' }]);
    await j.approved('waal-eb-life', request);
    const { associationId } = await t.dataSource.manager.findOneByOrFail(ComponentEntity, {
      id: request.components[0].id,
    });
    const document = loadOoapiV5Spec() as unknown as OpenApiDocument;
    const v5 = await OoapiValidator.v5();
    const covered: string[] = [];
    const leaks: string[] = [];
    const answer = await t
      .http()
      .patch(`${OOAPI_PREFIX}/associations/${associationId}`)
      .set('Authorization', `Bearer ${await stub.machineToken()}`)
      .set('Content-Type', 'application/merge-patch+json')
      .send('{"remoteState":"associated"}');
    expectStatus(answer, 200);
    const operation = { method: 'patch' as const, path: `/associations/${associationId}` };
    expect(v5.response(operation, { status: 200, body: answer.body })).toEqual([]);
    const schema =
      document.paths['/associations/{associationId}'].patch.responses['200'].content![
        'application/json'
      ].schema;
    leaks.push(...undeclaredFields(answer.body, schema, document));
    covered.push('patch /associations/{associationId}');
    expect(leaks).toEqual([]);
    expect(covered).toEqual(ooapiRoutes(t).filter((route) => route.startsWith('patch ')));
  });

  it('answers every OOAPI catalogue operation, with nothing the standard does not name', async () => {
    const document = loadOoapiV5Spec() as unknown as OpenApiDocument;
    const v5 = await OoapiValidator.v5();
    const covered = new Set<string>();
    const leaks: string[] = [];
    const call = async (route: string, query = '') => {
      const template = route.split(' ')[1];
      const id = await j.offeringId('mbo-energie/KD-WARMTEPOMP');
      const path = template
        .replace('{courseId}', COURSE_IDS.of(id))
        .replace('{offeringId}', OFFERING_IDS.of(id));
      const response = expectStatus(
        await t.http().get(`${OOAPI_PREFIX}${path === '/' ? '' : path}${query}`),
        200,
      );
      expect({ route, empty: isEmpty(response.body) }).toEqual({ route, empty: false });
      expect(v5.response({ method: 'get', path }, { status: 200, body: response.body })).toEqual(
        [],
      );
      const schema =
        document.paths[template].get.responses['200'].content!['application/json'].schema;
      leaks.push(
        ...undeclaredFields(response.body, schema, document).map((p) => `${route}${query}: ${p}`),
      );
      covered.add(route);
    };
    await call('get /');
    await call('get /courses', '?pageSize=250');
    await call('get /courses/{courseId}');
    await call('get /courses/{courseId}', '?expand=organization');
    await call('get /courses/{courseId}/offerings');
    await call('get /offerings/{offeringId}');
    await call('get /offerings/{offeringId}', '?expand=course,organization');
    expect(leaks).toEqual([]);
    expect([...covered].sort()).toEqual(ooapiRoutes(t).filter((route) => route.startsWith('get ')));
  });
});
