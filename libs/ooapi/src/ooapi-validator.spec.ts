import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { OoapiValidator } from './ooapi-validator';
import { OOAPI_V5_SHA256, ooapiV5SpecPath } from './spec';

describe('the OOAPI v5 validator', () => {
  let v5: OoapiValidator;
  beforeAll(async () => {
    v5 = await OoapiValidator.v5();
  });

  it('holds the published document unchanged', () => {
    const digest = createHash('sha256').update(readFileSync(ooapiV5SpecPath())).digest('hex');
    expect(digest).toBe(OOAPI_V5_SHA256);
  });

  it('knows the operations of the standard and no others', () => {
    expect(v5.has('post', '/associations/external/me')).toBe(true);
    expect(v5.has('get', '/courses/4c5b1f2e-0000-4000-8000-000000000001/offerings')).toBe(true);
    expect(v5.has('get', '/offerings')).toBe(false);
    expect(v5.request({ method: 'get', path: '/enrolments' })).toEqual([
      'GET /enrolments is no OOAPI v5 operation',
    ]);
  });

  it('accepts an association the host created and refuses a state the standard does not have', () => {
    const request = { method: 'post' as const, path: '/associations/external/me' };
    const created = {
      associationId: '123e4567-e89b-12d3-a456-426614174000',
      state: 'pending',
      message: [{ language: 'nl-NL', value: 'Aanmelding ontvangen' }],
    };
    expect(v5.response(request, { status: 201, body: created })).toEqual([]);
    const approved = v5.response(request, { status: 201, body: { ...created, state: 'approved' } });
    expect(approved.join('\n')).toMatch(/state/);
    const noMessage = v5.response(request, {
      status: 201,
      body: { associationId: created.associationId, state: 'pending' },
    });
    expect(noMessage.join('\n')).toMatch(/message/);
  });

  it('refuses a request body without what the operation requires', () => {
    const violations = v5.request({
      method: 'patch',
      path: '/associations/123e4567-e89b-12d3-a456-426614174000',
      headers: { 'content-type': 'application/merge-patch+json' },
      body: { remoteState: 'finished' },
    });
    expect(violations.join('\n')).toMatch(/remoteState/);
    expect(
      v5.request({
        method: 'patch',
        path: '/associations/123e4567-e89b-12d3-a456-426614174000',
        headers: { 'content-type': 'application/merge-patch+json' },
        body: { remoteState: 'canceled' },
      }),
    ).toEqual([]);
  });
});
