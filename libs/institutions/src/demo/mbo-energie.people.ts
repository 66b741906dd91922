import type { DemoPerson } from './demo-person';

/** mbo-energie's demo people, and what its own records say about its demo students. */
export const mboEnergiePeople: DemoPerson[] = [
  {
    id: 'chen',
    role: 'student',
    name: 'Chen Li',
    email: 'chen@student.energiecollege.example',
    studentNumber: '700321',
    // No tuition record: an mbo student pays lesgeld, not collegegeld.
    programme: 'installatie',
  },
  {
    id: 'energie-eb',
    role: 'exam-board',
    name: 'Secretary, Exam Board Techniek',
    email: 'ec-techniek@energiecollege.example',
    examBoard: 'eb-techniek',
  },
  {
    id: 'energie-admissions',
    role: 'host-admissions',
    name: 'Admissions Office Energiecollege',
    email: 'admissions@energiecollege.example',
  },
  {
    id: 'energie-registrar',
    role: 'registrar',
    name: 'Student Administration Energiecollege',
    email: 'registrar@energiecollege.example',
  },
  {
    id: 'energie-admin',
    role: 'admin',
    name: 'Application Administrator Energiecollege',
    email: 'admin@energiecollege.example',
  },
];
