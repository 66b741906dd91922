import type { InstitutionDefinition, PersonDefinition } from '../institution.definition';
import { InAppStudentInformationSystem } from '../student-information-system';
import { eduPersonClaims } from '../sign-in';

/** The demo people; the in-app student information system answers from the students' tuition records. */
const people: PersonDefinition[] = [
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

/** A research university offering data-science units to students of partner universities (route 5). */
export const uniIjssel: InstitutionDefinition = {
  code: 'uni-ijssel',
  name: 'Universiteit IJsselland',
  sector: 'wo',
  creditUnit: 'EC',
  gradingScale: 'nl-1-10',
  queue: 'institution.uni-ijssel',
  programmes: [{ code: 'msc-ds', name: 'MSc Data Science', examBoard: 'eb-eemcs' }],
  examBoards: [{ code: 'eb-eemcs', name: 'Examencommissie EEMCS', decisionTermDays: 42 }],
  offerings: [
    {
      code: 'DS-ML',
      programme: 'msc-ds',
      title: 'Machine Learning',
      description: 'Supervised and unsupervised learning with practical assignments in Python.',
      credits: 6,
      period: '2026-2027 P3',
      language: 'en',
      capacity: 80,
      enrolmentDeadline: '2027-01-20',
      prerequisites: ['Linear algebra', 'Programming in Python'],
    },
    {
      code: 'DS-VIS',
      programme: 'msc-ds',
      title: 'Data Visualisation',
      description: 'Visual analysis of large data sets.',
      credits: 5,
      period: '2026-2027 P4',
      language: 'en',
      capacity: 50,
      enrolmentDeadline: '2027-03-01',
      prerequisites: [],
    },
    {
      code: 'DS-SEM',
      programme: 'msc-ds',
      title: 'Research Seminar Responsible Data Science',
      description: 'A small seminar: one place for a student of a partner university.',
      credits: 5,
      period: '2026-2027 P3',
      language: 'en',
      capacity: 1,
      enrolmentDeadline: '2027-01-20',
      prerequisites: ['Machine Learning'],
    },
    {
      code: 'DS-LAB',
      programme: 'msc-ds',
      title: 'Data Science Lab',
      description: 'Team projects for external clients: two places, then a waiting list.',
      credits: 6,
      period: '2026-2027 P4',
      language: 'en',
      capacity: 2,
      waitingList: true,
      enrolmentDeadline: '2027-03-01',
      prerequisites: ['Programming in Python'],
    },
  ],
  people,
  // Enrols visiting students in its own administration, where they would owe the statutory tuition
  // a second time: the proof that they paid it at home waives it.
  asksProofOfPaidTuition: true,
  studentInformationSystem: new InAppStudentInformationSystem('uni-ijssel', people),
  signIn: {
    issuer: 'https://connect.surfconext.nl',
    claims: eduPersonClaims({
      organisation: 'uni-ijssel.example',
      entitlementNamespace: 'urn:mace:uni-ijssel.example:leerroutes',
    }),
  },
};
