import { DomainError } from './errors';

/**
 * Grading scales in use: the Dutch 1–10 scale (a pass from 5.5), pass/fail units, and the mbo words
 * onvoldoende / voldoende / goed. The host's grade is kept as given; pass/fail is stored beside it.
 */
export type GradingScale = 'nl-1-10' | 'pass-fail' | 'mbo-ovg';
export const GRADING_SCALES: readonly GradingScale[] = ['nl-1-10', 'pass-fail', 'mbo-ovg'];

const PASS_FAIL: Record<string, boolean> = { pass: true, fail: false };
const MBO_OVG: Record<string, boolean> = { onvoldoende: false, voldoende: true, goed: true };

/** Returns whether the grade is a pass on the scale; throws when the grade is not on the scale. */
export function gradeIsPass(scale: GradingScale, grade: string): boolean {
  const invalid = (hint: string) =>
    new DomainError(
      'RESULT.INVALID_GRADE',
      `Grade '${grade}' is not on the ${scale} scale: ${hint}.`,
      {
        field: 'grade',
      },
    );
  switch (scale) {
    case 'nl-1-10': {
      const value = Number(grade.replace(',', '.'));
      if (!/^\d{1,2}([.,]\d)?$/.test(grade) || value < 1 || value > 10) {
        throw invalid('expected a number from 1 to 10 with at most one decimal');
      }
      return value >= 5.5;
    }
    case 'pass-fail':
      if (!(grade in PASS_FAIL)) throw invalid("expected 'pass' or 'fail'");
      return PASS_FAIL[grade];
    case 'mbo-ovg':
      if (!(grade in MBO_OVG)) throw invalid("expected 'onvoldoende', 'voldoende' or 'goed'");
      return MBO_OVG[grade];
  }
}
