import { offeringProblems } from '../offering-draft';
import { REGISTERED_INSTITUTIONS } from '../registered-institutions';
import { DEMO_OFFERINGS, DEMO_PEOPLE, demoProgrammesOf } from './demo-seed';

describe('the demo people and offerings', () => {
  it('live outside the institution definitions that production uses', () => {
    for (const d of REGISTERED_INSTITUTIONS) {
      expect(Object.keys(d)).not.toContain('people');
      expect(Object.keys(d)).not.toContain('offerings');
    }
  });

  it('offer only what their institution could enter itself: its programmes, periods from an academic year, codes once', () => {
    // An institution with its own system has its catalogue from there (the catalogue synchronisation).
    const inApp = REGISTERED_INSTITUTIONS.filter((d) => !d.ooapi);
    expect(inApp.length).toBeLessThan(REGISTERED_INSTITUTIONS.length);
    expect(Object.keys(DEMO_OFFERINGS).sort()).toEqual(inApp.map((d) => d.code).sort());
    for (const d of inApp) {
      const offerings = DEMO_OFFERINGS[d.code];
      expect(offerings.flatMap((o) => offeringProblems(d, o))).toEqual([]);
      expect(new Set(offerings.map((o) => o.code)).size).toBe(offerings.length);
    }
  });

  it('refuses an offering of another institution’s programme or a period without its academic year', () => {
    const [delta] = REGISTERED_INSTITUTIONS;
    expect(
      offeringProblems(delta, { programmeCode: 'msc-food', period: 'spring' }).map((p) => p.field),
    ).toEqual(['programmeCode', 'period']);
  });

  it('belong to registered institutions, and each board chair is a demo member of that board', () => {
    expect(Object.keys(DEMO_PEOPLE).sort()).toEqual(
      REGISTERED_INSTITUTIONS.map((d) => d.code).sort(),
    );
    for (const d of REGISTERED_INSTITUTIONS) {
      for (const board of d.examBoards.filter((b) => b.chair)) {
        const chair = DEMO_PEOPLE[d.code].find((p) => p.id === board.chair);
        expect(chair).toMatchObject({ role: 'exam-board', examBoard: board.code });
      }
    }
  });

  it('give every student a student number and programme, and every exam-board member programmes', () => {
    for (const d of REGISTERED_INSTITUTIONS) {
      for (const person of DEMO_PEOPLE[d.code]) {
        if (person.role === 'student') expect(person.studentNumber).toBeTruthy();
        if (person.role === 'student' || person.role === 'exam-board')
          expect(demoProgrammesOf(d, person).length).toBeGreaterThan(0);
      }
    }
  });
});
