import type { DemoPerson } from './demo-person';

/** uni-waal's demo people, and what its own records say about its demo students. */
export const uniWaalPeople: DemoPerson[] = [
  {
    id: 'macca',
    role: 'student',
    name: 'Macca Janssen',
    email: 'macca@student.uni-waal.example',
    studentNumber: 's1029384',
    programme: 'msc-food',
    tuition: [
      {
        academicYear: '2026-2027',
        paid: true,
        reference: 'BBC-WAAL-2026-s1029384',
        issuedOn: '2026-09-01',
      },
    ],
  },
  {
    id: 'aurelie',
    role: 'student',
    name: 'Aurelie Bakker',
    email: 'aurelie@student.uni-waal.example',
    studentNumber: 's1047781',
    programme: 'msc-plant',
    tuition: [
      {
        academicYear: '2026-2027',
        paid: true,
        reference: 'BBC-WAAL-2026-s1047781',
        issuedOn: '2026-09-01',
      },
    ],
  },
  {
    id: 'noor',
    role: 'student',
    name: 'Noor el Amrani',
    email: 'noor@student.uni-waal.example',
    studentNumber: 's1050012',
    // No tuition record for 2026-2027: a host that asks for proof is told it is unknown.
    programme: 'bsc-nutrition',
  },
  {
    id: 'waal-eb-life',
    role: 'exam-board',
    name: 'Secretary, Exam Board Life Sciences',
    email: 'ec-ls@uni-waal.example',
    examBoard: 'eb-life-sciences',
  },
  {
    id: 'waal-eb-life-chair',
    role: 'exam-board',
    name: 'Chair, Exam Board Life Sciences',
    email: 'chair-ec-ls@uni-waal.example',
    examBoard: 'eb-life-sciences',
  },
  {
    id: 'waal-eb-nutrition',
    role: 'exam-board',
    name: 'Secretary, Exam Board Nutrition',
    email: 'ec-voeding@uni-waal.example',
    examBoard: 'eb-nutrition',
  },
  {
    id: 'waal-admissions',
    role: 'host-admissions',
    name: 'Admissions Office Waal',
    email: 'admissions@uni-waal.example',
  },
  {
    id: 'waal-registrar',
    role: 'registrar',
    name: 'Student Administration Waal',
    email: 'registrar@uni-waal.example',
  },
  {
    id: 'waal-admin',
    role: 'admin',
    name: 'Application Administrator Waal',
    email: 'admin@uni-waal.example',
  },
];
