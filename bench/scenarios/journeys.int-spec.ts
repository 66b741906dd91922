import { TEST_ADMIN_DATABASE_URL, TEST_REDIS_URL } from '@lr/testing';
import { runJourneys } from './journeys';

// Keeps the journeys and bare-pipeline benchmarks working: the real run is `npm run bench -- --scenario
// journeys`. It starts the API and a worker process as `npm test` has just built them. No timing is asserted
// here; every journey has to complete without an HTTP error, and the figures have to be there.
describe('the full-journeys benchmark at a tiny size', () => {
  it('takes every journey to registered credits over HTTP, then runs the bare pipeline as far', async () => {
    const { runs, pipeline } = await runJourneys({
      requests: 10,
      concurrency: 4,
      workers: [1],
      inboxPollMs: 50,
      serverUrl: TEST_ADMIN_DATABASE_URL,
      redisUrl: TEST_REDIS_URL,
      buildIfStale: false,
    });

    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run).toMatchObject({
      workers: 1,
      completed: 10,
      failed: 0,
      registered: 10,
      httpErrors: 0,
    });
    // Eight history rows a journey (create to register); the one journey in ten whose result deviates has the
    // exam board recognise it after the system referred it, one more.
    expect(run.transitions).toBe(10 * 8 + 1);
    // Two jobs a journey: delivery to the host, and the result's recognition at home.
    expect(run.jobHopMs.count).toBe(20);
    expect(run.endpoints.map((e) => e.endpoint)).toEqual(
      expect.arrayContaining([
        'POST /requests',
        'POST /requests/:id/submit',
        'GET /inbox/:kind',
        'POST /requests/:id/components/:componentId/approval',
        'POST /requests/:id/components/:componentId/admission',
        'POST /requests/:id/components/:componentId/result',
        'POST /requests/:id/components/:componentId/recognition',
        'POST /requests/:id/components/:componentId/registration',
      ]),
    );
    expect(run.processes.map((p) => p.process)).toEqual(['API', 'worker 1']);
    for (const p of run.processes) expect(p.peakRssMb).toBeGreaterThan(0);
    expect(run.transitionsPerSecond).toBeGreaterThan(0);

    expect(pipeline).toMatchObject({ transitions: run.transitions, chains: 4 });
    expect(pipeline.hopMs.count).toBe(run.transitions);
    expect(run.ofPipeline).toBeGreaterThan(0);
  });
});
