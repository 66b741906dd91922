import { REGISTERED_INSTITUTIONS } from '../registered-institutions';
import { DEMO_PEOPLE, demoProgrammesOf } from './demo-seed';

describe('the demo people', () => {
  it('live outside the institution definitions that production uses', () => {
    for (const d of REGISTERED_INSTITUTIONS) expect(Object.keys(d)).not.toContain('people');
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
