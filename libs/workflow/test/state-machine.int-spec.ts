import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@lr/config';
import {
  ComponentEntity,
  DatabaseModule,
  OfferingEntity,
  RequestEntity,
  TransitionEntity,
} from '@lr/database';
import {
  Actor,
  CLOCK,
  COMPONENT_EVENTS,
  COMPONENT_STATES,
  DomainError,
  Party,
  SYSTEM_ACTOR,
  TRANSITIONS,
  findTransition,
} from '@lr/domain';
import { TEST_REDIS_URL, TestClock, TestDatabase, createTestDatabase } from '@lr/testing';
import { InstitutionsModule, REGISTERED_INSTITUTIONS } from '@lr/institutions';
import { RequestStore, TransitionWriter } from '@lr/workflow';

/** One actor for each party of a Macca (uni-waal) → uni-ijssel component; each acts as that party alone. */
const ACTORS: Record<Party, Actor> = {
  student: {
    id: 'macca',
    role: 'student',
    institutionCode: 'uni-waal',
    programmeCodes: ['msc-food'],
    name: 'Macca',
  },
  'home-exam-board': {
    id: 'waal-eb-life',
    role: 'exam-board',
    institutionCode: 'uni-waal',
    programmeCodes: ['msc-food', 'msc-plant'],
    name: 'Exam board',
  },
  'host-admissions': {
    id: 'ijssel-admissions',
    role: 'host-admissions',
    institutionCode: 'uni-ijssel',
    programmeCodes: [],
    name: 'Admissions',
  },
  'host-registrar': {
    id: 'ijssel-registrar',
    role: 'registrar',
    institutionCode: 'uni-ijssel',
    programmeCodes: [],
    name: 'Host registrar',
  },
  'home-registrar': {
    id: 'waal-registrar',
    role: 'registrar',
    institutionCode: 'uni-waal',
    programmeCodes: [],
    name: 'Home registrar',
  },
  admin: {
    id: 'ijssel-admin',
    role: 'admin',
    institutionCode: 'uni-ijssel',
    programmeCodes: [],
    name: 'Administrator',
  },
  system: SYSTEM_ACTOR,
};

describe('the state machine as the code applies it', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let request: RequestEntity;
  let component: ComponentEntity;

  beforeAll(async () => {
    database = await createTestDatabase();
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(loadConfig({ DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL })),
        DatabaseModule,
        // The institutions that work in Leerroutes: one with its own system would need its secret.
        InstitutionsModule.forRoot(REGISTERED_INSTITUTIONS.filter((d) => !d.ooapi)),
      ],
      providers: [
        RequestStore,
        TransitionWriter,
        { provide: CLOCK, useValue: new TestClock(new Date('2026-12-01T09:00:00Z')) },
      ],
    }).compile();
    app = await moduleRef.init();
    const em = app.get(DataSource).manager;
    const offering = await em.findOneByOrFail(OfferingEntity, { code: 'DS-ML' });
    const now = new Date();
    request = await em.save(
      Object.assign(new RequestEntity(), {
        studentId: 'macca',
        homeInstitutionCode: 'uni-waal',
        homeProgrammeCode: 'msc-food',
        motivation: 'm',
        status: 'in_progress',
        createdAt: now,
        submittedAt: now,
        updatedAt: now,
      }),
    );
    component = await em.save(
      Object.assign(new ComponentEntity(), {
        requestId: request.id,
        position: 0,
        offeringId: offering.id,
        homeInstitutionCode: 'uni-waal',
        homeProgrammeCode: 'msc-food',
        studentId: 'macca',
        hostInstitutionCode: 'uni-ijssel',
        route: 5,
        countsAs: 'minor',
        motivation: 'm',
        state: 'draft',
        // Submitted and approved once, so every party can see it: this test is about the table, not visibility.
        approvalReference: 'eb/2026/x',
        updatedAt: now,
      }),
    );
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('moves exactly along the table for every state × event × party, and refuses everything else', async () => {
    const store = app.get(RequestStore);
    const em = app.get(DataSource).manager;
    const mismatches: string[] = [];
    let moved = 0;
    for (const state of COMPONENT_STATES) {
      for (const event of COMPONENT_EVENTS) {
        for (const [party, actor] of Object.entries(ACTORS) as [Party, Actor][]) {
          await em.update(ComponentEntity, component.id, { state });
          const transition = findTransition(state, event);
          const expected = transition?.by.includes(party)
            ? transition.to
            : TRANSITIONS.some((t) => t.event === event && t.by.includes(party))
              ? 'conflict'
              : 'forbidden';
          const actual = await store
            .withComponent(actor, request.id, component.id, (locked) =>
              store.transition(locked, { event, actor }),
            )
            .then(
              (c) => c.state as string,
              (e: unknown) => (e instanceof DomainError ? e.kind : String(e)),
            );
          if (actual !== expected)
            mismatches.push(`${state} --${event}--> by ${party}: ${actual}, expected ${expected}`);
          if (expected === actual && transition?.by.includes(party)) {
            moved += 1;
            expect((await em.findOneByOrFail(ComponentEntity, { id: component.id })).state).toBe(
              transition.to,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(moved).toBe(TRANSITIONS.reduce((n, t) => n + t.by.length, 0));
    // Each move left one history row, and nothing else did.
    expect(await em.countBy(TransitionEntity, { componentId: component.id })).toBe(moved);
  });
});
