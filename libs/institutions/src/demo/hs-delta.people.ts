import type { DemoPerson } from './demo-person';

/** hs-delta's demo people, and what its own records say about its demo students. */
export const hsDeltaPeople: DemoPerson[] = [
  {
    id: 'kyra',
    role: 'student',
    name: 'Kyra de Vries',
    email: 'kyra@student.hs-delta.example',
    studentNumber: '510234',
    programme: 'pabo',
    tuition: [
      {
        academicYear: '2026-2027',
        paid: true,
        reference: 'BBC-DELTA-2026-510234',
        issuedOn: '2026-09-01',
      },
    ],
  },
  {
    id: 'delta-eb-pabo',
    role: 'exam-board',
    name: 'Secretary, Exam Board Pabo',
    email: 'ec-pabo@hs-delta.example',
    examBoard: 'eb-pabo',
  },
  {
    id: 'delta-eb-alo',
    role: 'exam-board',
    name: 'Secretary, Exam Board ALO',
    email: 'ec-alo@hs-delta.example',
    examBoard: 'eb-alo',
  },
  {
    id: 'delta-admissions',
    role: 'host-admissions',
    name: 'Admissions Office Delta',
    email: 'admissions@hs-delta.example',
  },
  {
    id: 'delta-registrar',
    role: 'registrar',
    name: 'Student Administration Delta',
    email: 'registrar@hs-delta.example',
  },
  {
    id: 'delta-admin',
    role: 'admin',
    name: 'Application Administrator Delta',
    email: 'admin@hs-delta.example',
  },
];
