import type { InstitutionDefinition } from '../institution.definition';
import { inAppStudentInformationSystem } from '../student-information-system';
import { eduPersonClaims } from '../sign-in';

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
  // Enrols visiting students in its own administration, where they would owe the statutory tuition
  // a second time: the proof that they paid it at home waives it.
  asksProofOfPaidTuition: true,
  studentInformationSystem: inAppStudentInformationSystem('uni-ijssel'),
  signIn: {
    issuer: 'https://connect.surfconext.nl',
    claims: eduPersonClaims({
      organisation: 'uni-ijssel.example',
      entitlementNamespace: 'urn:mace:uni-ijssel.example:leerroutes',
    }),
  },
};
