import type { DemoPerson } from './demo-person';

/** uni-ijssel's demo people, and what its own records say about its demo students. */
export const uniIjsselPeople: DemoPerson[] = [
  {
    id: 'daan',
    role: 'student',
    name: 'Daan Visser',
    email: 'daan@student.uni-ijssel.example',
    studentNumber: '2291837',
    programme: 'msc-ds',
    tuition: [
      {
        academicYear: '2026-2027',
        paid: false,
        reference: 'BBC-IJSSEL-2026-2291837',
        issuedOn: '2026-10-01',
      },
    ],
  },
  {
    id: 'ijssel-eb',
    role: 'exam-board',
    name: 'Secretary, Exam Board EEMCS',
    email: 'ec-eemcs@uni-ijssel.example',
    examBoard: 'eb-eemcs',
  },
  {
    id: 'ijssel-admissions',
    role: 'host-admissions',
    name: 'Admissions Office IJsselland',
    email: 'admissions@uni-ijssel.example',
  },
  {
    id: 'ijssel-registrar',
    role: 'registrar',
    name: 'Student Administration IJsselland',
    email: 'registrar@uni-ijssel.example',
  },
  {
    id: 'ijssel-admin',
    role: 'admin',
    name: 'Application Administrator IJsselland',
    email: 'admin@uni-ijssel.example',
  },
];
