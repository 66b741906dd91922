import { Actor, ComponentScope, actsAs, canSee } from './actor';
import { convertCredits } from './credits';
import { DomainError } from './errors';
import { gradeIsPass } from './grading';
import { deriveRoute } from './route';

describe('the learning route', () => {
  const at = (institutionCode: string, sector: 'mbo' | 'hbo' | 'wo', programmeCode: string) => ({
    institutionCode,
    sector,
    programmeCode,
  });

  it('is 4 within the institution, 5 within the sector, 6 across sectors', () => {
    expect(deriveRoute(at('hs-delta', 'hbo', 'pabo'), at('hs-delta', 'hbo', 'alo'))).toBe(4);
    expect(deriveRoute(at('uni-waal', 'wo', 'msc-food'), at('uni-ijssel', 'wo', 'msc-ds'))).toBe(5);
    expect(
      deriveRoute(at('uni-waal', 'wo', 'msc-plant'), at('hs-westland', 'hbo', 'tuinbouw')),
    ).toBe(6);
    expect(
      deriveRoute(at('mbo-energie', 'mbo', 'installatie'), at('hs-westland', 'hbo', 'tuinbouw')),
    ).toBe(6);
  });

  it("is no route at all for a unit of the student's own programme", () => {
    expect(() => deriveRoute(at('hs-delta', 'hbo', 'pabo'), at('hs-delta', 'hbo', 'pabo'))).toThrow(
      DomainError,
    );
  });
});

describe('credit conversion (1 EC = 28 hours)', () => {
  it('converts study hours to EC and back, naming the rule', () => {
    expect(convertCredits(240, 'hours', 'EC')).toEqual({
      credits: 8.57,
      unit: 'EC',
      rule: 'hours ÷ 28 = EC',
    });
    expect(convertCredits(5, 'EC', 'hours')).toEqual({
      credits: 140,
      unit: 'hours',
      rule: 'EC × 28 = hours',
    });
    expect(convertCredits(6, 'EC', 'EC')).toMatchObject({ credits: 6, unit: 'EC' });
  });
});

describe('grading scales', () => {
  it.each([
    ['nl-1-10', '5.5', true],
    ['nl-1-10', '5,4', false],
    ['nl-1-10', '10', true],
    ['pass-fail', 'pass', true],
    ['pass-fail', 'fail', false],
    ['mbo-ovg', 'voldoende', true],
    ['mbo-ovg', 'goed', true],
    ['mbo-ovg', 'onvoldoende', false],
  ] as const)('%s: %s is a pass: %s', (scale, grade, pass) => {
    expect(gradeIsPass(scale, grade)).toBe(pass);
  });

  it.each([
    ['nl-1-10', '11'],
    ['nl-1-10', '0.5'],
    ['nl-1-10', '7.25'],
    ['pass-fail', 'goed'],
    ['mbo-ovg', '8'],
  ] as const)('%s refuses %s', (scale, grade) => {
    expect(() => gradeIsPass(scale, grade)).toThrow(/is not on the/);
  });
});

describe('who acts for which side of a component', () => {
  const scope: ComponentScope = {
    studentId: 'macca',
    homeInstitutionCode: 'uni-waal',
    homeProgrammeCode: 'msc-food',
    hostInstitutionCode: 'uni-ijssel',
    submitted: true,
    sentToHost: true,
  };
  const actor = (
    role: Actor['role'],
    institutionCode: string,
    id = 'x',
    programmeCodes: string[] = [],
  ): Actor => ({
    id,
    role,
    institutionCode,
    programmeCodes,
    name: id,
  });

  it('ties each party to its role and scope', () => {
    expect(actsAs(actor('student', 'uni-waal', 'macca'), 'student', scope)).toBe(true);
    expect(actsAs(actor('student', 'uni-waal', 'aurelie'), 'student', scope)).toBe(false);
    expect(
      actsAs(actor('exam-board', 'uni-waal', 'eb', ['msc-food']), 'home-exam-board', scope),
    ).toBe(true);
    expect(
      actsAs(actor('exam-board', 'uni-waal', 'eb', ['bsc-nutrition']), 'home-exam-board', scope),
    ).toBe(false);
    expect(
      actsAs(actor('exam-board', 'uni-ijssel', 'eb', ['msc-food']), 'home-exam-board', scope),
    ).toBe(false);
    expect(actsAs(actor('host-admissions', 'uni-ijssel'), 'host-admissions', scope)).toBe(true);
    expect(actsAs(actor('host-admissions', 'uni-waal'), 'host-admissions', scope)).toBe(false);
    expect(actsAs(actor('registrar', 'uni-ijssel'), 'host-registrar', scope)).toBe(true);
    expect(actsAs(actor('registrar', 'uni-ijssel'), 'home-registrar', scope)).toBe(false);
    expect(actsAs(actor('registrar', 'uni-waal'), 'home-registrar', scope)).toBe(true);
  });

  it('shows a draft to its student only, and a component to the host only once it was approved', () => {
    const draft = { ...scope, submitted: false, sentToHost: false };
    const submitted = { ...scope, submitted: true, sentToHost: false };
    const board = actor('exam-board', 'uni-waal', 'eb', ['msc-food']);
    expect(canSee(actor('student', 'uni-waal', 'macca'), draft)).toBe(true);
    expect(canSee(board, draft)).toBe(false);
    expect(canSee(actor('registrar', 'uni-waal'), draft)).toBe(false);
    expect(canSee(board, submitted)).toBe(true);
    expect(canSee(actor('host-admissions', 'uni-ijssel'), submitted)).toBe(false);
    expect(canSee(actor('registrar', 'uni-ijssel'), submitted)).toBe(false);
    expect(canSee(actor('admin', 'uni-ijssel'), submitted)).toBe(false);
    expect(canSee(actor('host-admissions', 'uni-ijssel'), scope)).toBe(true);
  });

  it('lets only those involved see the component', () => {
    expect(canSee(actor('registrar', 'uni-waal'), scope)).toBe(true);
    expect(canSee(actor('registrar', 'hs-westland'), scope)).toBe(false);
    expect(canSee(actor('admin', 'uni-ijssel'), scope)).toBe(true);
    expect(canSee(actor('admin', 'mbo-energie'), scope)).toBe(false);
  });
});
