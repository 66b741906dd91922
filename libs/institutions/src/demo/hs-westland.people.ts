import type { DemoPerson } from './demo-person';

/** hs-westland's demo people, and what its own records say about its demo students. */
export const hsWestlandPeople: DemoPerson[] = [
  {
    id: 'sem',
    role: 'student',
    name: 'Sem Vermeulen',
    email: 'sem@student.hs-westland.example',
    studentNumber: '4410982',
    programme: 'tuinbouw',
    tuition: [
      {
        academicYear: '2026-2027',
        paid: true,
        reference: 'BBC-WESTLAND-2026-4410982',
        issuedOn: '2026-09-01',
      },
    ],
  },
  {
    id: 'westland-eb',
    role: 'exam-board',
    name: 'Secretary, Exam Board Tuinbouw',
    email: 'ec-tuinbouw@hs-westland.example',
    examBoard: 'eb-tuinbouw',
  },
  {
    id: 'westland-admissions',
    role: 'host-admissions',
    name: 'Admissions Office Westland',
    email: 'admissions@hs-westland.example',
  },
  {
    id: 'westland-registrar',
    role: 'registrar',
    name: 'Student Administration Westland',
    email: 'registrar@hs-westland.example',
  },
  {
    id: 'westland-admin',
    role: 'admin',
    name: 'Application Administrator Westland',
    email: 'admin@hs-westland.example',
  },
];
