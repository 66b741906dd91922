import { Test } from '@nestjs/testing';
import { randomBytes } from 'crypto';
import { DataSource, IsNull } from 'typeorm';
import { ConfigModule, loadConfig } from '@lr/config';
import { CLOCK, systemClock } from '@lr/domain';
import { DatabaseModule, OutboxMessageEntity } from '@lr/database';
import { InstitutionsModule, REGISTERED_INSTITUTIONS } from '@lr/institutions';
import {
  OutboxRelayService,
  QueueModule,
  QueuesService,
  dequeueInTransaction,
  enqueueInTransaction,
  writeOutbox,
} from '@lr/queue';
import {
  TEST_REDIS_URL,
  TestDatabase,
  createTestDatabase,
  deleteRedisPrefix,
  waitFor,
} from '@lr/testing';
import type { INestApplicationContext } from '@nestjs/common';

describe('the outbox relay', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  const prefix = `lrtest-${randomBytes(4).toString('hex')}`;
  const data = { requestId: 'r-1', componentId: 'c-1', expectedVersion: 2 };

  beforeAll(async () => {
    database = await createTestDatabase();
    // A poll interval of a minute: only a notice makes the relay send before the test drives it by hand.
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      OUTBOX_POLL_MS: '60000',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        // The institutions that work in Leerroutes: one with its own system would need its secret.
        InstitutionsModule.forRoot(REGISTERED_INSTITUTIONS.filter((d) => !d.ooapi)),
        QueueModule,
      ],
      providers: [OutboxRelayService, { provide: CLOCK, useValue: systemClock }],
    }).compile();
    app = await moduleRef.init();
  });
  afterAll(async () => {
    await app.close();
    await Promise.all([database.drop(), deleteRedisPrefix(TEST_REDIS_URL, prefix)]);
  });

  it('sends a committed row at once, announced by the database, without waiting for its poll', async () => {
    await write();
    const sent = await waitFor(async () => queue().getJob('c-1-admission_deliver-request-v2'), {
      timeoutMs: 5000,
      what: 'the job in Redis',
    });
    expect(sent.data).toEqual(data);
    // From here on the test drives the relay by hand: no notices, no polls.
    await app.get(OutboxRelayService).onApplicationShutdown();
    await queue().obliterate({ force: true });
    await app.get(DataSource).manager.clear(OutboxMessageEntity);
  });

  const queue = () => app.get(QueuesService).get('institution.uni-ijssel');
  const write = () =>
    app
      .get(DataSource)
      .transaction((em) =>
        enqueueInTransaction(
          em,
          'institution.uni-ijssel',
          'admission.deliver-request',
          data,
          new Date(),
        ),
      );

  it('writes nothing when the transaction rolls back', async () => {
    await expect(
      app.get(DataSource).transaction(async (em) => {
        await enqueueInTransaction(
          em,
          'institution.uni-ijssel',
          'admission.deliver-request',
          data,
          new Date(),
        );
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    expect(await app.get(DataSource).manager.count(OutboxMessageEntity)).toBe(0);
  });

  it('moves committed rows into BullMQ with their deterministic id and marks them sent', async () => {
    await write();
    expect(await app.get(OutboxRelayService).relayOnce()).toBe(1);
    const job = await queue().getJob('c-1-admission_deliver-request-v2');
    expect(job?.name).toBe('admission.deliver-request');
    expect(job?.data).toEqual(data);
    const rows = await app.get(DataSource).manager.find(OutboxMessageEntity);
    expect(rows.map((r) => r.sentAt instanceof Date)).toEqual([true]);
    expect(await app.get(OutboxRelayService).relayOnce()).toBe(0);
  });

  it('turns a second copy of the same job into a no-op', async () => {
    await write();
    expect(await app.get(OutboxRelayService).relayOnce()).toBe(1);
    expect(await queue().getJobCounts('waiting', 'delayed', 'active', 'completed')).toMatchObject({
      waiting: 1,
    });
  });

  it('leaves a row for a queue this process does not serve, and still sends the others', async () => {
    await app.get(DataSource).transaction(async (em) => {
      const at = new Date();
      await enqueueInTransaction(
        em,
        'institution.not-yet-known',
        'admission.deliver-request',
        { ...data, componentId: 'c-2' },
        at,
      );
      await enqueueInTransaction(
        em,
        'institution.uni-ijssel',
        'admission.deliver-request',
        { ...data, componentId: 'c-3' },
        at,
      );
    });
    expect(await app.get(OutboxRelayService).relayOnce()).toBe(1);
    expect(await queue().getJob('c-3-admission_deliver-request-v2')).toBeDefined();
    const unsent = await app
      .get(DataSource)
      .manager.findBy(OutboxMessageEntity, { sentAt: IsNull() });
    expect(unsent.map((r) => r.queueName)).toEqual(['institution.not-yet-known']);
  });

  it('adds a timer as a delayed job, and removes a job when told to', async () => {
    const timer = { ...data, componentId: 'c-4' };
    await app
      .get(DataSource)
      .transaction((em) =>
        enqueueInTransaction(
          em,
          'institution.uni-ijssel',
          'timer.decision-overdue',
          timer,
          new Date(),
          new Date(Date.now() + 3_600_000),
        ),
      );
    await app.get(OutboxRelayService).relayOnce();
    const job = await queue().getJob('c-4-timer_decision-overdue-v2');
    expect(await job?.getState()).toBe('delayed');
    expect(job?.opts.delay).toBeGreaterThan(3_500_000);

    await app
      .get(DataSource)
      .transaction((em) =>
        dequeueInTransaction(
          em,
          'institution.uni-ijssel',
          'timer.decision-overdue',
          timer,
          new Date(),
        ),
      );
    await app.get(OutboxRelayService).relayOnce();
    expect(await queue().getJob('c-4-timer_decision-overdue-v2')).toBeUndefined();
  });

  it('moves a waiting timer to its new time when told to reschedule it, and adds it when Redis has none', async () => {
    const timer = { ...data, componentId: 'c-5' };
    const reschedule = (runAt: Date) =>
      app.get(DataSource).transaction((em) =>
        writeOutbox(
          em,
          [
            {
              queueName: 'institution.uni-ijssel',
              name: 'timer.enrolment-deadline',
              data: timer,
              operation: 'reschedule',
              runAt,
            },
          ],
          new Date(),
        ),
      );
    const jobId = 'c-5-timer_enrolment-deadline-v2';
    await reschedule(new Date(Date.now() + 7_200_000));
    await app.get(OutboxRelayService).relayOnce();
    const added = await queue().getJob(jobId);
    expect(await added?.getState()).toBe('delayed');
    expect(added?.delay).toBeGreaterThan(7_100_000);

    await reschedule(new Date(Date.now() + 600_000));
    await app.get(OutboxRelayService).relayOnce();
    const moved = await queue().getJob(jobId);
    expect(await moved?.getState()).toBe('delayed');
    expect(moved?.delay).toBeGreaterThan(500_000);
    expect(moved?.delay).toBeLessThanOrEqual(600_000);
    // Moved, not added a second time (the timer of the test before was removed).
    expect(await queue().getJobCounts('delayed')).toMatchObject({ delayed: 1 });
  });

  it('lets two relays work at once without sending a row twice', async () => {
    await app.get(DataSource).transaction(async (em) => {
      for (let i = 0; i < 50; i += 1) {
        await enqueueInTransaction(
          em,
          'institution.uni-ijssel',
          'admission.deliver-request',
          { ...data, componentId: `p-${i}` },
          new Date(),
        );
      }
    });
    const relay = app.get(OutboxRelayService);
    const [a, b] = await Promise.all([relay.relayOnce(), relay.relayOnce()]);
    // SKIP LOCKED: the second relay skips the rows the first has claimed, instead of waiting for them.
    expect(a + b).toBe(50);
    expect(
      await app.get(DataSource).manager.countBy(OutboxMessageEntity, {
        sentAt: IsNull(),
        queueName: 'institution.uni-ijssel',
      }),
    ).toBe(0);
  });
});
