import type { InstitutionDefinition, PersonDefinition } from '../institution.definition';
import { InAppStudentInformationSystem } from '../student-information-system';
import { eduPersonClaims } from '../sign-in';

/** The demo people; the in-app student information system answers from the students' tuition records. */
const people: PersonDefinition[] = [
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

/** A university of applied sciences with a primary-teacher and a sports-teacher programme (route 4). */
export const hsDelta: InstitutionDefinition = {
  code: 'hs-delta',
  name: 'Hogeschool Delta',
  sector: 'hbo',
  creditUnit: 'EC',
  gradingScale: 'nl-1-10',
  queue: 'institution.hs-delta',
  programmes: [
    { code: 'pabo', name: 'Leraar Basisonderwijs (primary-school teacher)', examBoard: 'eb-pabo' },
    { code: 'alo', name: 'Leraar Lichamelijke Opvoeding (sports teacher)', examBoard: 'eb-alo' },
  ],
  examBoards: [
    { code: 'eb-pabo', name: 'Examencommissie Pabo', decisionTermDays: 42 },
    { code: 'eb-alo', name: 'Examencommissie ALO', decisionTermDays: 42 },
  ],
  offerings: [
    {
      code: 'ALO-BD1',
      programme: 'alo',
      title: 'Bewegingsdidactiek 1',
      description:
        'Teaching physical education to primary-school children: games, gymnastics, athletics.',
      credits: 15,
      period: '2026-2027 semester 2',
      language: 'nl',
      capacity: 40,
      enrolmentDeadline: '2027-01-15',
      prerequisites: ['Propedeuse of a teacher-training programme'],
    },
    {
      code: 'ALO-SPW',
      programme: 'alo',
      title: 'Sport en spel in de wijk',
      description: 'Organising sports in the neighbourhood with schools and clubs.',
      credits: 5,
      period: '2026-2027 P3',
      language: 'nl',
      capacity: 25,
      enrolmentDeadline: '2027-01-15',
      prerequisites: [],
    },
    {
      code: 'PABO-REK',
      programme: 'pabo',
      title: 'Rekendidactiek',
      description: 'Didactics of arithmetic for the primary school.',
      credits: 5,
      period: '2026-2027 P3',
      language: 'nl',
      capacity: 30,
      enrolmentDeadline: '2027-01-15',
      prerequisites: [],
    },
  ],
  people,
  // Takes visiting students under its partnership agreements without enrolling them: no tuition to waive.
  asksProofOfPaidTuition: false,
  studentInformationSystem: new InAppStudentInformationSystem('hs-delta', people),
  signIn: {
    issuer: 'https://connect.surfconext.nl',
    claims: eduPersonClaims({
      organisation: 'hs-delta.example',
      entitlementNamespace: 'urn:mace:hs-delta.example:leerroutes',
    }),
  },
};
