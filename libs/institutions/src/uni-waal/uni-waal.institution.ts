import type { InstitutionDefinition, PersonDefinition } from '../institution.definition';
import { InAppStudentInformationSystem } from '../student-information-system';
import { eduPersonClaims } from '../sign-in';

/** The demo people; the in-app student information system answers from the students' tuition records. */
const people: PersonDefinition[] = [
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

/** A research university: food science (route 5, Macca) and a plant-biotechnology master (route 6, Aurelie). */
export const uniWaal: InstitutionDefinition = {
  code: 'uni-waal',
  name: 'Universiteit aan de Waal',
  sector: 'wo',
  creditUnit: 'EC',
  gradingScale: 'nl-1-10',
  queue: 'institution.uni-waal',
  programmes: [
    { code: 'msc-food', name: 'MSc Food Technology', examBoard: 'eb-life-sciences' },
    { code: 'msc-plant', name: 'MSc Plant Biotechnology', examBoard: 'eb-life-sciences' },
    { code: 'bsc-nutrition', name: 'BSc Nutrition and Health', examBoard: 'eb-nutrition' },
  ],
  examBoards: [
    {
      code: 'eb-life-sciences',
      name: 'Examencommissie Life Sciences',
      decisionTermDays: 56,
      chair: 'waal-eb-life-chair',
    },
    { code: 'eb-nutrition', name: 'Examencommissie Voeding', decisionTermDays: 42 },
  ],
  offerings: [
    {
      code: 'FQD-31306',
      programme: 'msc-food',
      title: 'Food Quality Design',
      description: 'Designing food products for quality and shelf life.',
      credits: 6,
      period: '2026-2027 P3',
      language: 'en',
      capacity: 60,
      enrolmentDeadline: '2027-01-20',
      prerequisites: ['BSc in food science or equivalent'],
    },
    {
      code: 'PBT-21806',
      programme: 'msc-plant',
      title: 'Plant Genomics',
      description: 'Genome analysis of crop plants.',
      credits: 6,
      period: '2026-2027 P4',
      language: 'en',
      capacity: 40,
      enrolmentDeadline: '2027-03-01',
      prerequisites: ['Molecular biology at bachelor level'],
    },
  ],
  people,
  // Enrols visiting students in its own administration, where they would owe the statutory tuition
  // a second time: the proof that they paid it at home waives it.
  asksProofOfPaidTuition: true,
  studentInformationSystem: new InAppStudentInformationSystem('uni-waal', people),
  signIn: {
    issuer: 'https://connect.surfconext.nl',
    claims: eduPersonClaims({
      organisation: 'uni-waal.example',
      entitlementNamespace: 'urn:mace:uni-waal.example:leerroutes',
    }),
  },
};
