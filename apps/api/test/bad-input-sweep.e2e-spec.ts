import supertest from 'supertest';
import type { Response, Test } from 'supertest';
import { NotificationEntity } from '@lr/database';
import { OoapiValidator, loadOoapiV5Spec } from '@lr/ooapi';
import { QueuesService } from '@lr/queue';
import { COURSE_IDS, OFFERING_IDS, RequestView } from '@lr/workflow';
import { Journey, expectStatus } from './journey';
import { ComponentEntity } from '@lr/database';
import { ASSOCIATION_STATES } from '@lr/domain';
import { OoapiStub } from './ooapi-stub';
import { ooapiRoutes, ooapiUrl, servedRoutes } from './served-routes';
import { IN_APP_INSTITUTIONS, TestApp } from './test-app';

/**
 * Every endpoint of the OpenAPI document, sent every kind of bad input the document's own description of it
 * suggests: each path parameter, query parameter and body field replaced in turn by values of the wrong type,
 * out of range, NaN-like, with control characters, too long, too deep; and whole bodies that are no object, hold
 * prototype keys, do not parse or are too large. The caller is someone allowed to call the endpoint, and the
 * other path parameters are real ids of a request they may act on, so that the input gets as deep as it can.
 *
 * A bad input must get a 4xx problem+json (400 naming the field) and change nothing. Valid but unusual text
 * (bidirectional marks, emoji, combining characters, text that reads like a number) may also be accepted, and so
 * may a path value that matches the pattern the document gives its parameter (a subject is any printable ASCII);
 * neither must ever get a 5xx.
 */

type Kind = 'refused' | 'valid-or-refused';

/** Text sent as is inside a JSON body, for numbers JSON.stringify cannot write (1e400). */
class RawJson {
  constructor(readonly text: string) {}
}

interface Value {
  label: string;
  value: unknown;
  kind: Kind;
}

const bad = (label: string, value: unknown): Value => ({ label, value, kind: 'refused' });
const odd = (label: string, value: unknown): Value => ({ label, value, kind: 'valid-or-refused' });

const NESTED = (levels: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};
const LONG = 'x'.repeat(100_000);

/** Unusual but valid text: accepted where it fits, refused with a 4xx where it does not. */
const UNUSUAL_TEXT: Value[] = [
  odd('right-to-left override', 'Motivation \u202Eesrever\u202C ok'),
  odd('emoji with zero-width joiners', 'Motivation 👩‍🔬🧑🏽‍🌾 ok'),
  odd('combining characters', 'Motivation cafe\u0301 n\u0303 ok'),
  odd('zero-width joiner and space', 'Motivation a\u200Db\u200Bc ok'),
  odd('line breaks and tabs', 'Motivation\r\nline two\tend'),
  odd('NaN as text', 'NaN'),
  odd('Infinity as text', 'Infinity'),
  odd('-0 as text', '-0'),
  odd('0x10 as text', '0x10'),
  odd('SQL', "x'); DROP TABLE requests; --"),
  odd('empty', ''),
  odd('blank', '   '),
  odd('null', null),
];

const WRONG_TYPES: Value[] = [
  bad('true', true),
  bad('object', { a: 1 }),
  bad('empty array', []),
  bad('array of strings', ['a', 'b']),
  bad('nested 1000 levels', NESTED(1000)),
];

const BAD_TEXT: Value[] = [
  bad('NUL', '\u0000'),
  bad('NUL inside', 'Motivation with a \u0000 inside'),
  bad('escape sequence', 'Motivation \u001b[31mred'),
  bad('DEL', 'Motivation \u007f'),
  bad('C1 next line', 'Motivation \u0085'),
  bad('lone high surrogate', 'Motivation \ud800'),
  bad('lone low surrogate', 'Motivation \udfff x'),
  bad('100 kB', LONG),
  bad('number', 42),
  ...WRONG_TYPES,
];

const BAD_NUMBER: Value[] = [
  bad('1e22', 1e22),
  bad('2^31', 2 ** 31),
  bad('beyond safe integers', 2 ** 53 + 2),
  bad('-1', -1),
  bad('-1e22', -1e22),
  bad('1e-7', 1e-7),
  bad('0.001', 0.001),
  bad('10000.5', 10000.5),
  bad('1e400 (Infinity)', new RawJson('1e400')),
  bad('-1e400', new RawJson('-1e400')),
  bad("'NaN'", 'NaN'),
  bad("'Infinity'", 'Infinity'),
  bad("'1e400'", '1e400'),
  bad("'-0'", '-0'),
  bad("'0x10'", '0x10'),
  bad("'7'", '7'),
  bad('text with NUL', '7\u0000'),
  ...WRONG_TYPES,
  odd('-0', new RawJson('-0')),
  odd('null', null),
];

const BAD_ENUM: Value[] = [
  bad('unknown', 'nope'),
  bad('upper case', 'APPROVE'),
  bad('empty', ''),
  bad('NUL', 'approve\u0000'),
  bad('number', 42),
  ...WRONG_TYPES,
  odd('null', null),
];

const BAD_UUID: Value[] = [
  bad('not a uuid', 'not-a-uuid'),
  bad('unknown uuid', '00000000-0000-4000-8000-000000000000'),
  bad('uuid with NUL', '00000000-0000-4000-8000-00000000000\u0000'),
  bad('empty', ''),
  bad('number', 42),
  ...WRONG_TYPES,
  odd('null', null),
];

const BAD_BOOLEAN: Value[] = [
  bad("'true'", 'true'),
  bad('1', 1),
  bad('0', 0),
  bad("'yes'", 'yes'),
  bad('object', { a: true }),
  bad('array', [true]),
  odd('null', null),
];

/** Query and path values are text as it stands in the URL, percent-encoding included; an array repeats the key. */
type UrlValue = string | string[];
const u = encodeURIComponent;

const BAD_QUERY_NUMBER: Value[] = [
  ...['1e22', '1e400', 'NaN', 'Infinity', '-1', '0x10', '1e1', '0.001', '100001'].map((v) =>
    bad(v, v),
  ),
  bad('empty', ''),
  bad('letters', 'abc'),
  bad('full-width digit', u('１')),
  bad('400 digits', '9'.repeat(400)),
  bad('NUL', '%00'),
  bad('repeated', ['1', '2']),
  odd('-0', '-0'),
];

const BAD_QUERY_TEXT: Value[] = [
  bad('NUL', '%00'),
  bad('NUL inside', 'a%00b'),
  bad('escape sequence', '%1B%5B31m'),
  bad('C1 next line', '%C2%85'),
  bad('5,000 characters', 'x'.repeat(5000)),
  bad('repeated', ['a', 'b']),
  bad('repeated with NUL', ['a', '%00']),
  ...UNUSUAL_TEXT.filter((v) => typeof v.value === 'string' && v.label !== 'blank').map((v) =>
    odd(v.label, u(v.value as string)),
  ),
  odd('percent and underscore', '%25_%25'),
  odd('invalid UTF-8', '%E0%A4%A'),
  odd('CESU-8 surrogate', '%ED%A0%80'),
];

const BAD_QUERY_ENUM: Value[] = [
  bad('unknown', 'nope'),
  bad('empty', ''),
  bad('NUL', '%00'),
  bad('repeated', ['a', 'b']),
  bad('5,000 characters', 'x'.repeat(5000)),
];

const BAD_QUERY_BOOLEAN: Value[] = [
  bad('yes', 'yes'),
  bad('1', '1'),
  bad('TRUE', 'TRUE'),
  bad('empty', ''),
  bad('NUL', '%00'),
  bad('repeated', ['true', 'false']),
];

const BAD_QUERY_UUID: Value[] = [
  bad('not a uuid', 'not-a-uuid'),
  bad('NUL', '%00'),
  bad('empty', ''),
  bad('repeated', ['a', 'b']),
];

/** A calendar day (yyyy-mm-dd) is all a date parameter takes. */
const BAD_QUERY_DATE: Value[] = [
  bad('no such day', '2027-02-30'),
  bad('without leading zeros', '2027-1-5'),
  bad('with a time', '2027-01-05T10:00:00Z'),
  bad('a word', 'tomorrow'),
  bad('empty', ''),
  bad('NUL', '%00'),
  bad('repeated', ['2027-01-05', '2027-01-06']),
];

/** A list in one parameter, comma-separated (OpenAPI's explode: false), of the values in `values`. */
const badQueryLists = (values: string[]): Value[] => [
  bad('unknown', 'nope'),
  bad('one unknown of two', `${values[0]},nope`),
  bad('empty', ''),
  bad('empty item', `${values[0]},`),
  bad('NUL', '%00'),
  bad('repeated key', [values[0], values[0]]),
  bad('5,000 characters', 'x'.repeat(5000)),
];

/** Keys that are no parameter of any endpoint. */
const BAD_QUERY_KEYS: Value[] = [
  bad('__proto__', '__proto__=1'),
  bad('constructor', 'constructor=1'),
  bad('prototype', 'prototype=1'),
  bad('bracketed', 'page[a]=1'),
  bad('unknown', 'unknown=1'),
  bad('NUL key', '%00=1'),
];

const BAD_PATH: Value[] = [
  bad('NUL', '%00'),
  bad('NUL inside', 'a%00b'),
  bad('escape', '%1B'),
  bad('C1 next line', '%C2%85'),
  bad('CESU-8 surrogate', '%ED%A0%80'),
  bad('invalid UTF-8', '%E0%A4%A'),
  bad('2,000 characters', 'x'.repeat(2000)),
  bad('emoji', u('👩‍🔬')),
  bad('right-to-left override', u('\u202Eabc')),
  bad('NaN', 'NaN'),
  bad('1e400', '1e400'),
  bad('__proto__', '__proto__'),
  bad('dot dot', '%2E%2E'),
  bad('encoded slash', 'a%2Fb'),
  bad('unknown uuid', '00000000-0000-4000-8000-000000000000'),
];

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
}

interface Operation {
  parameters?: { name: string; in: 'path' | 'query'; schema: Schema }[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * An operation of the OOAPI v5 document as the sweep reads one: its parameters with their schemas, the
 * document's references ($ref) followed. The OOAPI provider's routes are swept as the standard describes them.
 */
function ooapiOperation(route: string): Operation {
  const spec = loadOoapiV5Spec() as unknown as {
    paths: Record<string, Record<string, { parameters?: unknown[] }>>;
  };
  const follow = <T>(value: T): T => {
    const ref = (value as { $ref?: string }).$ref;
    if (!ref) return value;
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], spec);
    return follow({ ...(target as T), ...value, $ref: undefined });
  };
  const [method, path] = route.split(' ');
  const parameters = (spec.paths[path][method].parameters ?? []).map((p) => {
    const parameter = follow(p as { name: string; in: 'path' | 'query'; schema: Schema });
    const schema = follow(parameter.schema);
    return { ...parameter, schema: { ...schema, items: schema.items && follow(schema.items) } };
  });
  return { parameters };
}

/** How a bad value of a field is chosen: from what the document says the field is. */
function bodyValuesFor(schema: Schema): Value[] {
  if (schema.enum) return BAD_ENUM;
  if (schema.type === 'string')
    return schema.format === 'uuid' ? BAD_UUID : [...BAD_TEXT, ...UNUSUAL_TEXT];
  const values = { number: BAD_NUMBER, integer: BAD_NUMBER, boolean: BAD_BOOLEAN }[
    schema.type as 'number'
  ];
  if (!values) throw new Error(`No bad values for a field of type ${schema.type}`);
  return values;
}

function queryValuesFor(schema: Schema): Value[] {
  if (schema.type === 'array' && schema.items?.enum)
    return badQueryLists(schema.items.enum as string[]);
  if (schema.type === 'string' && schema.format === 'date') return BAD_QUERY_DATE;
  if (schema.enum) return schema.type === 'string' ? BAD_QUERY_ENUM : BAD_QUERY_NUMBER;
  if (schema.type === 'string') return schema.format === 'uuid' ? BAD_QUERY_UUID : BAD_QUERY_TEXT;
  const values = {
    number: BAD_QUERY_NUMBER,
    integer: BAD_QUERY_NUMBER,
    boolean: BAD_QUERY_BOOLEAN,
  }[schema.type as 'number'];
  if (!values) throw new Error(`No bad query values for a parameter of type ${schema.type}`);
  return values;
}

/**
 * A bad path value that a parameter's documented pattern nevertheless allows (a subject may be 'NaN' or '..'):
 * the endpoint may take it as it is.
 */
function pathValueFor(schema: Schema, v: Value): Value {
  if (v.kind !== 'refused' || schema.pattern === undefined) return v;
  let decoded: string;
  try {
    decoded = decodeURIComponent(v.value as string);
  } catch {
    return v;
  }
  return new RegExp(schema.pattern).test(decoded) ? odd(v.label, v.value) : v;
}

/** Who calls an endpoint, with which real path parameters, and a body that would be accepted. */
interface Caller {
  as: string | null;
  params: Record<string, string>;
  body?: Record<string, unknown>;
}

interface Case {
  route: string;
  name: string;
  kind: Kind;
  /** The field a 400 must name; undefined where the refusal comes before any field is read (JSON, limit). */
  field?: string;
  send(caller: Caller): () => Test;
}

/** Requests at once: the sweep's two thousand calls stay well under a minute. */
const CONCURRENCY = 8;

const SENTINEL = '\u0001raw\u0001';

/** A body as JSON text, with RawJson values written as they are. */
function jsonText(body: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (value instanceof RawJson) {
      raws.push(value.text);
      return SENTINEL;
    }
    return value;
  });
  return text.replace(new RegExp(`"${SENTINEL}"`, 'g'), () => raws.shift()!);
}

/** The body with one field, possibly nested (`components.0.motivation`), set to the value. */
function withField(body: Record<string, unknown>, path: string[], value: unknown): unknown {
  const copy = structuredClone(body);
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path[path.length - 1]] = value;
  return copy;
}

/**
 * The OOAPI provider's operations as the sweep reads an operation: their path parameters and the body fields
 * that are plain values, from the OOAPI v5 document (associationId is a uuid; remoteState one of the states).
 * A result (an object) gets cases of its own below.
 */
const OOAPI_OPERATIONS: Record<string, Operation> = {
  'patch /associations/{associationId}': {
    parameters: [{ name: 'associationId', in: 'path', schema: { type: 'string', format: 'uuid' } }],
    requestBody: {
      content: {
        'application/json': {
          schema: {
            properties: { remoteState: { type: 'string', enum: [...ASSOCIATION_STATES] } },
          },
        },
      },
    },
  },
};

/** A result that breaks the standard in one way each: each must be refused with a 400 naming result. */
const BAD_RESULTS: Value[] = [
  bad('no resultDate', {
    state: 'completed',
    pass: 'passed',
    score: '8',
    studyLoad: { studyLoadUnit: 'ects', value: 6 },
  }),
  bad('a date that is no date', {
    state: 'completed',
    resultDate: '2027-02-30',
    studyLoad: { studyLoadUnit: 'ects', value: 6 },
  }),
  bad('an unknown state', {
    state: 'done',
    resultDate: '2027-01-29',
    studyLoad: { studyLoadUnit: 'ects', value: 6 },
  }),
  bad('an unknown study load unit', {
    state: 'completed',
    resultDate: '2027-01-29',
    studyLoad: { studyLoadUnit: 'lightyears', value: 6 },
  }),
  bad('a score that is a number', {
    state: 'completed',
    score: 8,
    resultDate: '2027-01-29',
    studyLoad: { studyLoadUnit: 'ects', value: 6 },
  }),
  bad('a score with NUL', {
    state: 'completed',
    score: '8\u0000',
    resultDate: '2027-01-29',
    studyLoad: { studyLoadUnit: 'ects', value: 6 },
  }),
  bad('a score off the scale', {
    state: 'completed',
    pass: 'passed',
    score: '11',
    resultDate: '2027-01-29',
    studyLoad: { studyLoadUnit: 'ects', value: 6 },
  }),
  bad('a pass that is a fail', {
    state: 'completed',
    pass: 'passed',
    score: '3',
    resultDate: '2027-01-29',
    studyLoad: { studyLoadUnit: 'ects', value: 6 },
  }),
  ...WRONG_TYPES,
];

describe('bad input, swept over every endpoint of the OpenAPI document', () => {
  let stub: OoapiStub;
  let t: TestApp;
  let j: Journey;
  let document: OpenApi;
  let v5: OoapiValidator;
  let base: string;
  const callers = new Map<string, Caller>();
  /** Callers of the OOAPI provider's operations, by their route below OOAPI_PREFIX. */
  const ooapiCallers = new Map<string, Caller>();
  const tokens = new Map<string, string>();
  const tally = { cases: 0, accepted: 0 };

  beforeAll(async () => {
    // hs-westland takes part through its own system here, for the OOAPI provider's route; the sweep's other
    // requests go to uni-ijssel, which works in Leerroutes.
    stub = await OoapiStub.start({ 'hs-westland': 'westland-system' });
    t = await TestApp.start({
      institutions: IN_APP_INSTITUTIONS.map((d) =>
        d.code === 'hs-westland' ? { ...d, ooapi: stub.connection(d.code) } : d,
      ),
      env: { OOAPI_CLIENT_SECRETS: `hs-westland=${stub.clientSecret}` },
    });
    j = new Journey(t);
    await t.dataSource.query(
      `UPDATE offerings SET external_id = gen_random_uuid()::text WHERE institution_code = 'hs-westland'`,
    );
    document = (await t.http().get('/docs-json').expect(200)).body as OpenApi;
    v5 = await OoapiValidator.v5();
    // One listening server for two thousand calls, rather than one opened and closed for each.
    base = await t.listen();

    const ids = (view: RequestView) => ({ id: view.id, componentId: view.components[0].id });
    // Each request for an offering of its own: a student has one live request per offering.
    const copies = await j.copiesOf('uni-ijssel/DS-ML', 12);
    const own = () => [{ offering: copies.pop()! }];
    const submitted = () => j.submitted('macca', own());
    const approved = async () => {
      const view = await submitted();
      await j.approved('waal-eb-life', view);
      return view;
    };
    const enrolled = () => j.enrolled({ offering: copies.pop()! });
    const withResult = async (credits: number, state: 'recognised' | 'awaiting_recognition') => {
      const view = await enrolled();
      await j.resultHome('ijssel-registrar', view, 0, { grade: '7', passed: true, credits }, state);
      return view;
    };
    const rejected = async () => {
      const view = await submitted();
      await j.act('waal-eb-life', j.path(view, 0, 'approval'), {
        decision: 'reject',
        motivation: 'Overlaps the home programme.',
      });
      return view;
    };
    // A request of its own for every command, in the state where the command applies.
    const [
      draft,
      toWithdraw,
      toApprove,
      toObject,
      toWithdrawComponent,
      toAdmit,
      toRedeliver,
      toRecord,
      toRecognise,
      toRegister,
    ] = await Promise.all([
      j.compose('macca', own()),
      submitted(),
      submitted(),
      rejected(),
      approved(),
      approved(),
      approved(),
      enrolled(),
      withResult(4, 'awaiting_recognition'),
      withResult(6, 'recognised'),
    ]);
    // A student of the sweep's own, whose entry the register's accepted inputs may change; the path values its
    // pattern allows name other subjects, and find this student number taken.
    const registered = {
      subject: 'waal-sweep-1',
      entry: {
        studentNumber: 's9000001',
        programmeCodes: ['msc-food'],
        tuition: [
          { academicYear: '2026-2027', paid: true, reference: 'BBC-SWEEP', issuedOn: '2026-09-01' },
        ],
      },
    };
    expectStatus(
      await t.as('waal-admin').put(`/admin/students/${registered.subject}`, registered.entry),
      200,
    );
    const notification = await t.dataSource.manager.findOneOrFail(NotificationEntity, {
      where: { recipientId: 'macca' },
      order: { id: 'ASC' },
    });
    const offeringId = await j.offeringId('hs-delta/ALO-BD1');
    // uni-waal's offerings its admin changes, closes and reopens; the last is a copy closed through the API.
    const [kept, toClose] = await Promise.all(
      ['uni-waal/FQD-31306', 'uni-waal/PBT-21806'].map((ref) => j.offeringId(ref)),
    );
    const [closedCopy] = await j.copiesOf('uni-waal/FQD-31306', 1);
    const toReopen = await j.offeringId(closedCopy);
    expectStatus(await t.as('waal-admin').post(`/admin/offerings/${toReopen}/close`, {}), 200);
    const component = (action: string) => `post /requests/{id}/components/{componentId}/${action}`;
    const entries: [string, Caller][] = [
      ['get /health', { as: null, params: {} }],
      ['get /sign-in/institutions', { as: null, params: {} }],
      ['get /dev/people', { as: null, params: {} }],
      ['post /dev/tokens', { as: null, params: {}, body: { personId: 'macca' } }],
      ['get /me', { as: 'macca', params: {} }],
      ['get /me/export', { as: 'macca', params: {} }],
      ['get /institutions', { as: 'macca', params: {} }],
      ['get /institutions/{code}', { as: 'macca', params: { code: 'uni-ijssel' } }],
      ['get /offerings', { as: 'macca', params: {} }],
      ['get /offerings/{id}', { as: 'macca', params: { id: offeringId } }],
      [
        'post /requests',
        {
          as: 'macca',
          params: {},
          body: {
            motivation: 'This learning route fits my graduation plan.',
            components: [
              { offeringId, countsAs: 'elective-space', motivation: 'It completes my profile.' },
            ],
          },
        },
      ],
      ['get /requests', { as: 'macca', params: {} }],
      ['get /requests/{id}', { as: 'macca', params: { id: toApprove.id } }],
      ['post /requests/{id}/submit', { as: 'macca', params: { id: draft.id }, body: {} }],
      [
        'post /requests/{id}/withdraw',
        { as: 'macca', params: { id: toWithdraw.id }, body: { reason: 'Changed plans.' } },
      ],
      [
        component('withdraw'),
        { as: 'macca', params: ids(toWithdrawComponent), body: { reason: 'Changed plans.' } },
      ],
      [
        component('objection'),
        { as: 'macca', params: ids(toObject), body: { grounds: 'It is part of my thesis plan.' } },
      ],
      [
        component('approval'),
        { as: 'waal-eb-life', params: ids(toApprove), body: { decision: 'approve' } },
      ],
      [
        component('admission'),
        { as: 'ijssel-admissions', params: ids(toAdmit), body: { decision: 'admit' } },
      ],
      [
        component('result'),
        {
          as: 'ijssel-registrar',
          params: ids(toRecord),
          body: { grade: '8', passed: true, credits: 6, final: true },
        },
      ],
      [
        component('recognition'),
        { as: 'waal-eb-life', params: ids(toRecognise), body: { decision: 'recognise' } },
      ],
      [component('registration'), { as: 'waal-registrar', params: ids(toRegister), body: {} }],
      [component('redelivery'), { as: 'waal-admin', params: ids(toRedeliver), body: {} }],
      ['get /inbox/{kind}', { as: 'waal-eb-life', params: { kind: 'exam-board' } }],
      ['get /students/{studentId}/credit-record', { as: 'macca', params: { studentId: 'macca' } }],
      ['get /admin/delivery-failures', { as: 'waal-admin', params: {} }],
      ['get /notifications', { as: 'macca', params: {} }],
      ['post /notifications/{id}/read', { as: 'macca', params: { id: notification.id }, body: {} }],
      ['get /audit', { as: 'waal-admin', params: {} }],
      ['get /admin/students/{subject}', { as: 'waal-admin', params: { subject: 'macca' } }],
      [
        'put /admin/students/{subject}',
        { as: 'waal-admin', params: { subject: registered.subject }, body: registered.entry },
      ],
      ['get /admin/offerings', { as: 'waal-admin', params: {} }],
      [
        'post /admin/offerings',
        {
          as: 'waal-admin',
          params: {},
          body: {
            code: 'SWEEP-1',
            programmeCode: 'msc-food',
            title: 'Sensory Science',
            description: 'Tasting panels and their statistics.',
            credits: 5,
            period: '2026-2027 P4',
            language: 'en',
            capacity: 20,
            waitingList: false,
            enrolmentDeadline: '2027-03-01',
            prerequisites: ['Statistics'],
          },
        },
      ],
      [
        'patch /admin/offerings/{id}',
        {
          as: 'waal-admin',
          params: { id: kept },
          body: {
            title: 'Food Quality Design',
            description: 'Designing food products for quality and shelf life.',
            capacity: 60,
            enrolmentDeadline: '2027-01-20',
          },
        },
      ],
      ['post /admin/offerings/{id}/close', { as: 'waal-admin', params: { id: toClose }, body: {} }],
      // hs-westland's own system keeps its catalogue; its runs here fail, as that stand-in shares none.
      ['get /admin/catalogue-syncs', { as: 'westland-admin', params: {} }],
      [
        'post /admin/catalogue-syncs',
        { as: 'westland-admin', params: {}, body: { institutionCode: 'hs-westland' } },
      ],
      [
        'post /admin/offerings/{id}/reopen',
        { as: 'waal-admin', params: { id: toReopen }, body: {} },
      ],
    ];
    for (const [route, caller] of entries) callers.set(route, caller);
    for (const [, { as }] of entries) if (as !== null) tokens.set(as, await t.token(as));

    // A component of Macca's delivered to hs-westland's own system, whose association that system reports on.
    const atWestland = await j.submitted('macca', [{ offering: 'hs-westland/TB-KAS-TOM' }]);
    await j.approved('waal-eb-life', atWestland);
    const { associationId } = await t.dataSource.manager.findOneByOrFail(ComponentEntity, {
      id: atWestland.components[0].id,
    });
    tokens.set('westland-system', await stub.machineToken({ expiresIn: 3600 }));
    ooapiCallers.set('patch /associations/{associationId}', {
      as: 'westland-system',
      params: { associationId: associationId! },
      body: { remoteState: 'pending' },
    });
    // The catalogue as an OOAPI provider, read with no one signed in; the course is one that stays open.
    const ooapi = { courseId: COURSE_IDS.of(offeringId), offeringId: OFFERING_IDS.of(offeringId) };
    ooapiCallers.set('get /', { as: null, params: {} });
    ooapiCallers.set('get /courses', { as: null, params: {} });
    ooapiCallers.set('get /courses/{courseId}', { as: null, params: ooapi });
    ooapiCallers.set('get /courses/{courseId}/offerings', { as: null, params: ooapi });
    ooapiCallers.set('get /offerings/{offeringId}', { as: null, params: ooapi });
  }, 60000);

  afterAll(async () => {
    await t.close();
    await stub.close();
  });

  const routesOf = (doc: OpenApi) =>
    Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`))
      .sort();

  function request(route: string, caller: Caller, url: string): Test {
    const method = route.split(' ')[0] as 'get' | 'post' | 'put' | 'patch';
    const call = supertest(base)[method](url);
    return caller.as === null ? call : call.set('Authorization', `Bearer ${tokens.get(caller.as)}`);
  }

  function urlOf(
    route: string,
    params: Record<string, string>,
    query: [string, UrlValue][] = [],
  ): string {
    const path = route.split(' ')[1].replace(/\{(\w+)\}/g, (_m, name: string) => params[name]);
    const pairs = query.flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => `${key}=${v}`),
    );
    return pairs.length > 0 ? `${path}?${pairs.join('&')}` : path;
  }

  /** Every case for one endpoint, derived from its operation in the document. */
  function casesOf(route: string, operation: Operation): Case[] {
    const cases: Case[] = [];
    const parameters = operation.parameters ?? [];
    const command = !route.startsWith('get ');
    const jsonBody = (body: unknown) => (r: Test) =>
      r.set('Content-Type', 'application/json').send(jsonText(body));
    const sendBody = (caller: Caller, url: string, body?: unknown) => {
      const r = request(route, caller, url);
      return command ? jsonBody(body ?? caller.body)(r) : r;
    };

    for (const p of parameters.filter((q) => q.in === 'path')) {
      for (const v of BAD_PATH.map((b) => pathValueFor(p.schema, b))) {
        cases.push({
          route,
          name: `path ${p.name}: ${v.label}`,
          kind: v.kind,
          field: p.name,
          send: (c) => () =>
            sendBody(c, urlOf(route, { ...c.params, [p.name]: v.value as string })),
        });
      }
    }
    for (const p of parameters.filter((q) => q.in === 'query')) {
      for (const v of queryValuesFor(p.schema)) {
        cases.push({
          route,
          name: `query ${p.name}: ${v.label}`,
          kind: v.kind,
          field: p.name,
          send: (c) => () => sendBody(c, urlOf(route, c.params, [[p.name, v.value as UrlValue]])),
        });
      }
    }
    // An endpoint without query parameters reads none: a query there is ignored, never a failure. Commands
    // take no query, so only reads get one.
    for (const v of command ? [] : BAD_QUERY_KEYS) {
      const hasQuery = parameters.some((q) => q.in === 'query');
      const [key] = (v.value as string).split('=');
      cases.push({
        route,
        name: `query key ${v.label}`,
        kind: hasQuery ? 'refused' : 'valid-or-refused',
        field: decodeURIComponent(key),
        send: (c) => () => sendBody(c, `${urlOf(route, c.params)}?${v.value as string}`),
      });
    }

    const bodySchema = operation.requestBody?.content['application/json'].schema;
    if (!bodySchema) return cases;
    const resolve = (s: Schema): Schema =>
      s.$ref ? document.components.schemas[s.$ref.split('/').pop()!] : s;
    const fields: [string[], Schema][] = [];
    for (const [name, schema] of Object.entries(resolve(bodySchema).properties ?? {})) {
      if (schema.type !== 'array') {
        fields.push([[name], schema]);
        continue;
      }
      for (const [inner, innerSchema] of Object.entries(resolve(schema.items!).properties ?? {}))
        fields.push([[name, '0', inner], innerSchema]);
    }
    for (const [path, schema] of fields) {
      for (const v of bodyValuesFor(schema)) {
        cases.push({
          route,
          name: `body ${path.join('.')}: ${v.label}`,
          kind: v.kind,
          field: path.join('.'),
          send: (c) => () => sendBody(c, urlOf(route, c.params), withField(c.body!, path, v.value)),
        });
      }
    }
    const arrays = Object.entries(resolve(bodySchema).properties ?? {}).filter(
      ([, s]) => s.type === 'array',
    );
    for (const [name, schema] of arrays) {
      // Every array the API reads states its bounds, so that a client knows them before it is refused.
      if (schema.maxItems === undefined) throw new Error(`${route}: ${name} declares no maxItems`);
      const over = schema.maxItems + 1;
      cases.push({
        route,
        name: `body ${name}: empty`,
        // An array that may be empty takes no items as it is.
        kind: (schema.minItems ?? 0) > 0 ? 'refused' : 'valid-or-refused',
        field: name,
        send: (c) => () => sendBody(c, urlOf(route, c.params), withField(c.body!, [name], [])),
      });
      const arrayCases: [string, (item: unknown) => unknown, Kind?][] = [
        [`${over} items`, (item) => Array(over).fill(item)],
        ['10,000 items', (item) => Array(10_000).fill(item)],
        ['an object', (item) => item],
        ['text', () => 'components'],
        ['null item', () => [null]],
        ['array item', (item) => [[item]]],
        // Text is what an array of text holds: it may take it.
        [
          'text item',
          () => ['x'],
          schema.items?.type === 'string' ? 'valid-or-refused' : 'refused',
        ],
        ['empty item', () => [{}]],
        ['item with __proto__', (item) => [{ ...(item as object), ['__proto__']: { x: 1 } }]],
      ];
      for (const [label, make, kind = 'refused'] of arrayCases) {
        cases.push({
          route,
          name: `body ${name}: ${label}`,
          kind,
          field: name,
          send: (c) => () =>
            sendBody(
              c,
              urlOf(route, c.params),
              withField(c.body!, [name], make((c.body![name] as unknown[])[0])),
            ),
        });
      }
    }
    const whole: [string, string | undefined, (c: Caller) => (r: Test) => Test][] = [
      ['an array', 'body', (c) => jsonBody([c.body])],
      ['an empty array', 'body', () => jsonBody([])],
      ['10,000 numbers', 'body', () => jsonBody(Array(10_000).fill(1))],
      [
        'nested 50,000 levels',
        'body',
        () => (r) => r.type('json').send(`${'['.repeat(50_000)}${']'.repeat(50_000)}`),
      ],
      ['a field nested 1,000 levels', 'deep', (c) => jsonBody({ ...c.body, deep: NESTED(1000) })],
      [
        'a field nested 50,000 levels',
        'deep',
        (c) => (r) =>
          r.type('json').send(
            jsonText({
              ...c.body,
              deep: new RawJson(`${'['.repeat(50_000)}${']'.repeat(50_000)}`),
            }),
          ),
      ],
      [
        '__proto__',
        '__proto__',
        (c) => (r) =>
          r
            .type('json')
            .send(`{"__proto__":{"polluted":true},${jsonText(c.body).slice(1)}`.replace(',}', '}')),
      ],
      [
        'constructor.prototype',
        'constructor',
        (c) => (r) =>
          r
            .type('json')
            .send(
              `{"constructor":{"prototype":{"polluted":true}},${jsonText(c.body).slice(1)}`.replace(
                ',}',
                '}',
              ),
            ),
      ],
      ['an unknown field of 100 kB', 'padding', (c) => jsonBody({ ...c.body, padding: LONG })],
      ['an unknown field', 'unknown', (c) => jsonBody({ ...c.body, unknown: 1 })],
      ['JSON that does not parse', undefined, () => (r) => r.type('json').send('{"a":')],
      ['a trailing comma', undefined, () => (r) => r.type('json').send('{"a":1,}')],
      ['a bare string', undefined, () => (r) => r.type('json').send('"text"')],
      ['null', undefined, () => (r) => r.type('json').send('null')],
      [
        'over the size limit',
        undefined,
        (c) => jsonBody({ ...c.body, padding: 'x'.repeat(110_000) }),
      ],
      [
        'an unsupported charset',
        undefined,
        (c) => (r) =>
          r.set('Content-Type', 'application/json; charset=latin1').send(jsonText(c.body)),
      ],
      [
        'a gzip body that is not gzip',
        undefined,
        (c) => (r) =>
          r
            .set('Content-Type', 'application/json')
            .set('Content-Encoding', 'gzip')
            .send(jsonText(c.body)),
      ],
    ];
    for (const [label, field, make] of whole) {
      cases.push({
        route,
        name: `body: ${label}`,
        kind: 'refused',
        field,
        send: (c) => () => make(c)(request(route, c, urlOf(route, c.params))),
      });
    }
    return cases;
  }

  /** Everything a call could have changed: row counts, and states and versions of what has them. */
  const snapshot = async () =>
    JSON.stringify(
      await t.dataSource.query(`SELECT
        (SELECT json_agg(json_build_array(id, status, version) ORDER BY id) FROM requests) AS requests,
        (SELECT json_agg(json_build_array(id, state, version, delivery_failed_at) ORDER BY id)
          FROM components) AS components,
        (SELECT count(*) FROM transitions) AS transitions,
        (SELECT count(*) FROM component_results) AS results,
        (SELECT count(*) FROM recognitions) AS recognitions,
        (SELECT count(*) FROM credit_entries) AS credits,
        (SELECT count(*) FROM audit_log) AS audit,
        (SELECT count(*) FILTER (WHERE sent_at IS NULL) || '/' || count(*) FROM outbox) AS outbox,
        (SELECT count(*) FILTER (WHERE read_at IS NOT NULL) || '/' || count(*) FROM notifications)
          AS notifications,
        (SELECT json_agg(json_build_array(id, enrolled_count, capacity, title, description, enrolment_deadline,
          closed_at, version) ORDER BY id) FROM offerings) AS offerings,
        (SELECT json_agg(json_build_array(institution_code, subject, student_number, programme_codes, tuition)
          ORDER BY institution_code, subject) FROM student_register) AS register`),
    );

  /**
   * After an accepted command the worker carries it out (deliveries, notifications): wait until the outbox is
   * sent and no job waits or runs, so that the next case starts from data that no longer moves.
   */
  async function quiet(): Promise<string> {
    const queues = t.app.get(QueuesService).all();
    for (let i = 0; i < 500; i++) {
      const [{ unsent }] = await t.dataSource.query<{ unsent: number }[]>(
        'SELECT count(*)::int AS unsent FROM outbox WHERE sent_at IS NULL',
      );
      const jobs = await Promise.all(
        queues.map((q) => q.getJobCounts('waiting', 'active', 'prioritized')),
      );
      if (unsent === 0 && jobs.every((counts) => Object.values(counts).every((n) => n === 0)))
        return snapshot();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('The worker did not become idle');
  }

  function problemWith(c: Case, response: Response): string | undefined {
    const { status } = response;
    if (status >= 500) return `${status}`;
    if (c.kind === 'valid-or-refused' && status < 400) return undefined;
    if (status < 400 || status >= 500) return `${status}, expected a 4xx`;
    if (!/^application\/problem\+json/.test(String(response.headers['content-type'])))
      return `${status} as ${response.headers['content-type']}`;
    const ooapi = ooapiProblem(c.route, response);
    if (ooapi) return ooapi;
    if (status !== 400 || c.kind === 'valid-or-refused' || c.field === undefined) return undefined;
    const fields = ((response.body as { errors?: { field: string }[] }).errors ?? []).map(
      (e) => e.field,
    );
    // Express refuses a path it cannot decode before any route, so no parameter is known to name.
    if (fields.length === 0 && /Failed to decode param/.test(String(response.body.detail)))
      return undefined;
    // The field, a field within it, or the one it lies in (a value nested too deeply is named where it starts).
    const named = fields.some(
      (f) => f === c.field || f.startsWith(`${c.field}.`) || c.field!.startsWith(`${f}.`),
    );
    return named ? undefined : `400 naming ${JSON.stringify(fields)}, not ${c.field}`;
  }

  /**
   * On the OOAPI provider's routes a problem is the standard's Problem (its status as text), as the OOAPI document
   * describes the operation's answer with that status; Express's own refusals of a path it cannot decode come
   * before any route, and are Leerroutes' own.
   */
  function ooapiProblem(route: string, response: Response): string | undefined {
    const ooapiRoute = [...ooapiCallers.keys()].find((r) => ooapiUrl(r) === route);
    if (!ooapiRoute || /Failed to decode param/.test(String(response.body.detail)))
      return undefined;
    const [method, template] = ooapiRoute.split(' ') as ['get', string];
    const path = template.replace(/\{(\w+)\}/g, (_m, name: string) =>
      String(ooapiCallers.get(ooapiRoute)!.params[name]),
    );
    const violations = v5.response({ method, path }, response);
    if (violations.length > 0) return `not the standard's problem: ${violations.join('; ')}`;
    return response.body.status === String(response.status)
      ? undefined
      : `status ${JSON.stringify(response.body.status)} in the problem, not '${response.status}'`;
  }

  it('walks every endpoint of the document, and the document holds every route served', () => {
    const routes = routesOf(document);
    expect(routes).toEqual(servedRoutes(t));
    expect([...callers.keys()].sort()).toEqual(routes);
    expect([...ooapiCallers.keys()].sort()).toEqual(ooapiRoutes(t));
    expect([...ooapiCallers.keys()].sort()).toEqual([...ooapiRoutes(t)].sort());
  });

  it('answers every bad input with a 4xx problem that names the field, and changes nothing', async () => {
    const routes = routesOf(document);
    const wrong: string[] = [];
    const check = (c: Case, response: Response) => {
      tally.cases += 1;
      const problem = problemWith(c, response);
      if (problem) wrong.push(`${c.route} ${c.name}: ${problem}`);
    };
    let before = await quiet();
    // Leerroutes' own endpoints, then the OOAPI provider's as the OOAPI document describes them.
    const targets: [string, Operation, Caller, Case[]][] = [
      ...routes.map((route): [string, Operation, Caller, Case[]] => {
        const [method, path] = route.split(' ');
        return [route, document.paths[path][method], callers.get(route)!, []];
      }),
      ...[...ooapiCallers].map(([ooapiRoute, caller]): [string, Operation, Caller, Case[]] => {
        const route = ooapiUrl(ooapiRoute);
        // The callback takes a body, described here; the catalogue's reads take parameters the document names.
        const body = OOAPI_OPERATIONS[ooapiRoute];
        if (!body) return [route, ooapiOperation(ooapiRoute), caller, []];
        const results = BAD_RESULTS.map((v): Case => ({
          route,
          name: `body result: ${v.label}`,
          kind: v.kind,
          field: 'result',
          send: (c) => () =>
            request(route, c, urlOf(route, c.params))
              .set('Content-Type', 'application/merge-patch+json')
              .send(jsonText(withField(c.body!, ['result'], v.value))),
        }));
        return [route, body, caller, results];
      }),
    ];
    for (const [route, operation, caller, extra] of targets) {
      const [method] = route.split(' ');
      const cases = [...casesOf(route, operation), ...extra];
      // Reads, and inputs every command must refuse, go CONCURRENCY at a time, each batch between snapshots;
      // then, one by one, the unusual inputs a command may accept, on the request the refusals left as it was.
      const mayChange = (c: Case) => method !== 'get' && c.kind === 'valid-or-refused';
      const batched = cases.filter((c) => !mayChange(c));
      for (let i = 0; i < batched.length; i += CONCURRENCY) {
        const batch = batched.slice(i, i + CONCURRENCY);
        const responses = await Promise.all(batch.map((c) => c.send(caller)()));
        batch.forEach((c, k) => check(c, responses[k]));
        const after = await snapshot();
        if (after !== before) {
          wrong.push(`${route} [${batch.map((c) => c.name).join('; ')}] changed data`);
          before = await quiet();
        }
      }
      for (const c of cases.filter(mayChange)) {
        const response = await c.send(caller)();
        check(c, response);
        if (response.status < 400) {
          tally.accepted += 1;
          before = await quiet();
        } else if ((await snapshot()) !== before) {
          wrong.push(`${route} ${c.name}: ${response.status} changed data`);
          before = await quiet();
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    process.stdout.write(
      `bad-input sweep: ${tally.cases} cases over ${targets.length} endpoints ` +
        `(${tally.accepted} unusual but valid inputs accepted)\n`,
    );
    expect(wrong).toEqual([]);
  }, 180000);
});
