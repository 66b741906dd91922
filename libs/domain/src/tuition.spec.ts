import { academicYearOf, needsProofOfPaidTuition } from './tuition';

describe('proof of paid tuition', () => {
  it('is asked only by a host that asks for it, and never within one institution (route 4)', () => {
    expect(needsProofOfPaidTuition(5, true)).toBe(true);
    expect(needsProofOfPaidTuition(6, true)).toBe(true);
    expect(needsProofOfPaidTuition(4, true)).toBe(false);
    expect(needsProofOfPaidTuition(5, false)).toBe(false);
    expect(needsProofOfPaidTuition(6, false)).toBe(false);
  });

  it('concerns the academic year the period falls in', () => {
    expect(academicYearOf('2026-2027 P3')).toBe('2026-2027');
    expect(academicYearOf('2026-2027 blok 3-4')).toBe('2026-2027');
    expect(academicYearOf('2026-2027')).toBe('2026-2027');
    expect(academicYearOf('P3 2026-2027')).toBeUndefined();
    expect(academicYearOf('2026-2028 P1')).toBeUndefined();
    expect(academicYearOf('20262027 P1')).toBeUndefined();
  });
});
