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
