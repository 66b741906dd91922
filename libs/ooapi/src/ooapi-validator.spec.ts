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

  const courseResult = {
    state: 'completed',
    pass: 'passed',
    score: '7.5',
    resultDate: '2027-04-20',
    studyLoad: { studyLoadUnit: 'ects', value: 6 },
  };

  it('requires readOnly properties in answers only: a new association has no id yet', () => {
    const offering = {
      offeringId: '123e4567-e89b-12d3-a456-426614174001',
      offeringType: 'course',
      name: [{ language: 'en-GB', value: 'Data ethics' }],
      description: [{ language: 'en-GB', value: 'Seminar' }],
      teachingLanguage: 'eng',
      resultExpected: true,
      startDate: '2027-02-01',
      endDate: '2027-04-16',
    };
    const association = {
      associationType: 'courseOfferingAssociation',
      role: 'student',
      remoteState: 'pending',
      offering,
    };
    const post = { method: 'post' as const, path: '/associations/external/me' };
    expect(v5.request({ ...post, body: association })).toEqual([]);
    const { role: _role, ...withoutRole } = association;
    expect(v5.request({ ...post, body: withoutRole }).join('\n')).toMatch(/role/);
    const get = {
      method: 'get' as const,
      path: '/associations/123e4567-e89b-12d3-a456-426614174000',
    };
    const { remoteState: _remote, ...answer } = association;
    expect(v5.response(get, { status: 200, body: answer }).join('\n')).toMatch(
      /associationId|state/,
    );
  });

  it('accepts a course result, which the document lists as one of several kinds that look the same', () => {
    const association = {
      associationId: '123e4567-e89b-12d3-a456-426614174000',
      associationType: 'courseOfferingAssociation',
      role: 'student',
      state: 'associated',
      offering: '123e4567-e89b-12d3-a456-426614174001',
    };
    const get = { method: 'get' as const, path: `/associations/${association.associationId}` };
    expect(v5.response(get, { status: 200, body: association })).toEqual([]);
    expect(
      v5.response(get, { status: 200, body: { ...association, result: courseResult } }),
    ).toEqual([]);
    const patch = {
      method: 'patch' as const,
      path: `/associations/${association.associationId}`,
      headers: { 'content-type': 'application/merge-patch+json' },
    };
    expect(
      v5.request({ ...patch, body: { remoteState: 'associated', result: courseResult } }),
    ).toEqual([]);
    const noDate = { ...courseResult, resultDate: undefined };
    expect(v5.request({ ...patch, body: { result: noDate } }).join('\n')).toMatch(/resultDate/);
  });

  it('checks the formats the document names: uuid, date', () => {
    expect(v5.request({ method: 'get', path: '/courses/not-a-uuid' }).join('\n')).toMatch(/uuid/);
    const patch = {
      method: 'patch' as const,
      path: '/associations/123e4567-e89b-12d3-a456-426614174000',
      headers: { 'content-type': 'application/merge-patch+json' },
    };
    const wrongDay = { result: { ...courseResult, resultDate: '2027-02-30' } };
    expect(v5.request({ ...patch, body: wrongDay }).join('\n')).toMatch(/date/);
  });
});
