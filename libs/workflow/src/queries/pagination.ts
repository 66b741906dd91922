import { DomainError } from '@lr/domain';

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const MAX_PAGE_SIZE = 100;
/** Ten million rows deep at the largest page size: further than anyone pages, far below PostgreSQL's limit. */
export const MAX_PAGE = 100_000;

/**
 * The rows to skip. The API refuses pages beyond MAX_PAGE; this holds the line for every other caller, since an
 * offset that is no exact integer reaches PostgreSQL as `1e+22` or beyond its bigint and fails as a server error.
 */
export function offsetOf(query: PageQuery): number {
  const { page, pageSize } = query;
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) {
    throw new DomainError('PAGE.OUT_OF_RANGE', `page must be an integer from 1 to ${MAX_PAGE}.`, {
      field: 'page',
    });
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new DomainError(
      'PAGE.OUT_OF_RANGE',
      `pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}.`,
      { field: 'pageSize' },
    );
  }
  return (page - 1) * pageSize;
}
