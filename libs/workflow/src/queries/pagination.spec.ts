import { DomainError } from '@lr/domain';
import { MAX_PAGE, MAX_PAGE_SIZE, offsetOf } from './pagination';

describe('the offset of a page', () => {
  it('skips the pages before it', () => {
    expect(offsetOf({ page: 1, pageSize: 20 })).toBe(0);
    expect(offsetOf({ page: 3, pageSize: 20 })).toBe(40);
    expect(offsetOf({ page: MAX_PAGE, pageSize: MAX_PAGE_SIZE })).toBe(
      (MAX_PAGE - 1) * MAX_PAGE_SIZE,
    );
  });

  it.each([
    [{ page: 1e22, pageSize: 20 }, 'page'],
    [{ page: MAX_PAGE + 1, pageSize: 1 }, 'page'],
    [{ page: 1.5, pageSize: 20 }, 'page'],
    [{ page: 0, pageSize: 20 }, 'page'],
    [{ page: Number.NaN, pageSize: 20 }, 'page'],
    [{ page: 2, pageSize: Number.POSITIVE_INFINITY }, 'pageSize'],
    [{ page: 2, pageSize: MAX_PAGE_SIZE + 1 }, 'pageSize'],
    [{ page: 2, pageSize: -20 }, 'pageSize'],
  ])(
    'refuses %j as invalid input naming %s, never handing PostgreSQL a bad offset',
    (query, field) => {
      let thrown: unknown;
      try {
        offsetOf(query);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({ kind: 'invalid', details: { field } });
    },
  );
});
