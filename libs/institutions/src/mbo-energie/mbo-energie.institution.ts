import type { InstitutionDefinition, PersonDefinition } from '../institution.definition';
import { InAppStudentInformationSystem } from '../student-information-system';
import { entraIdClaims } from '../sign-in';

/** The demo people; the in-app student information system answers from the students' tuition records. */
const people: PersonDefinition[] = [
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

/** An mbo college counting study load in hours, with energy-transition elective units (keuzedelen). */
export const mboEnergie: InstitutionDefinition = {
  code: 'mbo-energie',
  name: 'Energiecollege',
  sector: 'mbo',
  creditUnit: 'hours',
  gradingScale: 'mbo-ovg',
  queue: 'institution.mbo-energie',
  programmes: [
    {
      code: 'installatie',
      name: 'Eerste Monteur Installatietechniek (niveau 4)',
      examBoard: 'eb-techniek',
    },
  ],
  examBoards: [{ code: 'eb-techniek', name: 'Examencommissie Techniek', decisionTermDays: 28 }],
  offerings: [
    {
      code: 'KD-WARMTEPOMP',
      programme: 'installatie',
      title: 'Keuzedeel Warmtepompen en energietransitie',
      description: 'Installing and commissioning heat pumps in homes and greenhouses.',
      credits: 240,
      period: '2026-2027 blok 3',
      language: 'nl',
      capacity: 20,
      enrolmentDeadline: '2027-01-31',
      prerequisites: [],
    },
    {
      code: 'KD-ZONNESTROOM',
      programme: 'installatie',
      title: 'Keuzedeel Zonnestroomsystemen',
      description: 'Design and installation of photovoltaic systems.',
      credits: 480,
      period: '2026-2027 blok 3-4',
      language: 'nl',
      capacity: 20,
      enrolmentDeadline: '2027-01-31',
      prerequisites: [],
    },
  ],
  people,
  // mbo charges no collegegeld, so there is none to waive.
  asksProofOfPaidTuition: false,
  studentInformationSystem: new InAppStudentInformationSystem('mbo-energie', people),
  // The college signs its people in with its own Microsoft Entra ID tenant, not through SURFconext.
  signIn: {
    issuer: 'https://login.microsoftonline.com/6f1c2b7e-3d4a-4e5b-9c8d-0a1b2c3d4e5f/v2.0',
    claims: entraIdClaims({
      tenantId: '6f1c2b7e-3d4a-4e5b-9c8d-0a1b2c3d4e5f',
      organisation: 'energiecollege.example',
    }),
  },
};
