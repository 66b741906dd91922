import { TEST_ADMIN_DATABASE_URL, TEST_REDIS_URL } from '@lr/testing';
import { runScale } from './scale';

// Keeps the scale benchmark working: the real run is `npm run bench` with a million requests. No timing is
// asserted here; the figures only have to be there.
describe('the scale benchmark at a tiny size', () => {
  it('generates history, times every query and explains its plan', async () => {
    const result = await runScale({
      requests: 2000,
      queries: 5,
      serverUrl: TEST_ADMIN_DATABASE_URL,
      redisUrl: TEST_REDIS_URL,
    });
    expect(result.figures.map((f) => f.query)).toEqual([
      'exam-board inbox',
      'host admissions inbox',
      "a student's list",
      "home registrar's list",
      'catalogue search, a broad word',
      'catalogue search, one match',
    ]);
    for (const f of result.figures) {
      expect(f.p95Ms).toBeGreaterThanOrEqual(f.p50Ms);
      expect(f.plan).toMatch(/Scan/);
    }
  });
});
