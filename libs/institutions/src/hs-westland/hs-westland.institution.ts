import type { InstitutionDefinition, PersonDefinition } from '../institution.definition';
import { InAppStudentInformationSystem } from '../student-information-system';
import { eduPersonClaims } from '../sign-in';

/** The demo people; the in-app student information system answers from the students' tuition records. */
const people: PersonDefinition[] = [
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

/** A university of applied sciences with greenhouse horticulture (route 6 from a university, and from mbo). */
export const hsWestland: InstitutionDefinition = {
  code: 'hs-westland',
  name: 'Hogeschool Westland',
  sector: 'hbo',
  creditUnit: 'EC',
  gradingScale: 'nl-1-10',
  queue: 'institution.hs-westland',
  programmes: [{ code: 'tuinbouw', name: 'Tuinbouw & Agribusiness', examBoard: 'eb-tuinbouw' }],
  examBoards: [{ code: 'eb-tuinbouw', name: 'Examencommissie Tuinbouw', decisionTermDays: 30 }],
  offerings: [
    {
      code: 'TB-KAS-TOM',
      programme: 'tuinbouw',
      title: 'Teelt van tomaten in de kas',
      description:
        'Greenhouse tomato cultivation: climate, substrate, crop protection, harvest planning.',
      credits: 5,
      period: '2026-2027 P3',
      language: 'nl',
      capacity: 30,
      enrolmentDeadline: '2027-01-31',
      prerequisites: [],
    },
    {
      code: 'TB-ENERGIE',
      programme: 'tuinbouw',
      title: 'Energiesystemen in de glastuinbouw',
      description: 'Heat pumps, geothermal heat and CO2 supply in energy-neutral greenhouses.',
      credits: 5,
      period: '2026-2027 P4',
      language: 'nl',
      capacity: 30,
      enrolmentDeadline: '2027-03-15',
      prerequisites: [],
    },
  ],
  people,
  // Takes visiting students under its partnership agreements without enrolling them: no tuition to waive.
  asksProofOfPaidTuition: false,
  studentInformationSystem: new InAppStudentInformationSystem('hs-westland', people),
  signIn: {
    issuer: 'https://connect.surfconext.nl',
    claims: eduPersonClaims({
      organisation: 'hs-westland.example',
      entitlementNamespace: 'urn:mace:hs-westland.example:leerroutes',
    }),
  },
};
