import { ERROR_CODES, NOT_FOUND_SUBJECTS } from './error-codes';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, StaleVersionError } from './errors';

describe('domain errors: the code decides the kind', () => {
  it('takes the kind of a code from the catalogue', () => {
    expect(new DomainError('OFFERING.FULL', 'Full.').kind).toBe('conflict');
    expect(new DomainError('DECISION.MOTIVATION_REQUIRED', 'Say why.').kind).toBe('invalid');
    expect(new DomainError('PROGRAMME.NO_EXAM_BOARD', 'None.').kind).toBe('not-found');
    expect(new ForbiddenError('No.')).toMatchObject({ code: 'ACCESS.FORBIDDEN', kind: 'forbidden' });
    expect(new StaleVersionError(3, 4, 'approved')).toMatchObject({
      code: 'COMPONENT.STALE_VERSION',
      kind: 'conflict',
      details: { expectedVersion: 3, version: 4, state: 'approved' },
    });
  });

  it('names a missing thing by a not-found code of its own', () => {
    for (const subject of NOT_FOUND_SUBJECTS) {
      const error = new NotFoundError(subject, '17');
      expect(error.code).toBe(`${subject.toUpperCase()}.NOT_FOUND`);
      expect(error.kind).toBe('not-found');
      expect(ERROR_CODES[error.code]).toBe('not-found');
    }
  });

  it('gives every conflict error a code the catalogue calls a conflict', () => {
    const conflicts = Object.entries(ERROR_CODES).filter(([, kind]) => kind === 'conflict');
    expect(conflicts.length).toBeGreaterThan(10);
    for (const [code] of conflicts) {
      expect(new ConflictError(code as keyof typeof ERROR_CODES, 'x').kind).toBe('conflict');
    }
  });
});
