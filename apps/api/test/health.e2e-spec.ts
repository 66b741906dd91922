import { QueuesService } from '@lr/queue';
import { TestApp } from './test-app';

describe('GET /health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ withWorker: false });
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const redis = () => t.app.get(QueuesService).connection;
  const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms));
  const flood = () => Promise.all(Array.from({ length: 40 }, () => t.http().get('/health')));

  it('answers a flood of checks with one check of PostgreSQL and Redis a second', async () => {
    later(60_000);
    const query = jest.spyOn(t.dataSource, 'query');
    const ping = jest.spyOn(redis(), 'ping');
    const databasePings = () => query.mock.calls.filter(([sql]) => sql === 'SELECT 1').length;

    expect((await flood()).map((r) => r.status)).toEqual(Array(40).fill(200));
    later(500);
    await flood();
    expect([databasePings(), ping.mock.calls.length]).toEqual([1, 1]);

    later(600);
    const [next] = await flood();
    expect(next.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
    expect([databasePings(), ping.mock.calls.length]).toEqual([2, 2]);
  });

  it('says which dependency is down, and nothing of its address or error', async () => {
    later(60_000);
    jest
      .spyOn(t.dataSource, 'query')
      .mockRejectedValue(new Error('connect ECONNREFUSED 10.1.2.3:5432'));
    jest.spyOn(redis(), 'ping').mockRejectedValue(new Error('connect ECONNREFUSED 10.1.2.4:6379'));

    const down = await t.http().get('/health');
    expect(down.status).toBe(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.body).toMatchObject({
      status: 503,
      detail: 'Unavailable: lifecycle up, database down, redis down.',
    });
    expect(down.text).not.toMatch(/10\.1\.2|ECONNREFUSED|5432|6379/);
  });
});
