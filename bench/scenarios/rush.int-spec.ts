import { TEST_ADMIN_DATABASE_URL, TEST_REDIS_URL } from '@lr/testing';
import { runRush } from './rush';

// Keeps the rush benchmark working: the real run is `npm run bench -- --scenario rush`. It starts the API and
// a worker process as `npm test` has just built them. No timing is asserted; the outcome has to be right.
describe('the enrolment-rush benchmark at a tiny size', () => {
  it('submits on schedule, lets the host decide on everyone, and over-books nothing', async () => {
    const result = await runRush({
      students: 40,
      offerings: 2,
      places: 5,
      waitingListEvery: 2,
      rate: 40,
      workers: 1,
      prepareConcurrency: 4,
      staffConcurrency: 2,
      inboxPollMs: 50,
      serverUrl: TEST_ADMIN_DATABASE_URL,
      redisUrl: TEST_REDIS_URL,
      buildIfStale: false,
    });

    expect(result.submitMs.count).toBe(40);
    expect(result.errors).toBe(0);
    // Two offerings of five places, twenty students each: RUSH-02 keeps a waiting list, RUSH-01 does not.
    expect(result.outcome).toEqual({
      enrolled: 10,
      waitlisted: 15,
      refused: 15,
      overCapacity: [],
      notToldWhy: 0,
    });
    expect(result.endpoints.map((e) => e.endpoint)).toEqual(
      expect.arrayContaining([
        'POST /requests/:id/submit',
        'GET /inbox/:kind',
        'POST /requests/:id/components/:componentId/approval',
        'POST /requests/:id/components/:componentId/admission',
      ]),
    );
    expect(result.processes.map((p) => p.process)).toEqual(['API', 'worker 1']);
    expect(result.allDecidedSeconds).toBeGreaterThanOrEqual(result.submitSeconds);
  });
});
