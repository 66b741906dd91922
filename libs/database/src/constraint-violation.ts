import { QueryFailedError } from 'typeorm';

/**
 * Whether a write failed on this unique constraint or index: the database's answer to two writers at the same
 * moment, which a check before the write cannot give.
 */
export function violatesUnique(error: unknown, constraint: string): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as object) : {};
  return (
    'code' in driverError &&
    driverError.code === '23505' &&
    'constraint' in driverError &&
    driverError.constraint === constraint
  );
}
