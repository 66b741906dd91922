import type { InstitutionDefinition } from '../institution.definition';
import { inAppStudentInformationSystem } from '../student-information-system';
import { eduPersonClaims } from '../sign-in';

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
  // Takes visiting students under its partnership agreements without enrolling them: no tuition to waive.
  asksProofOfPaidTuition: false,
  studentInformationSystem: inAppStudentInformationSystem('hs-delta'),
  signIn: {
    issuer: 'https://connect.surfconext.nl',
    claims: eduPersonClaims({
      organisation: 'hs-delta.example',
      entitlementNamespace: 'urn:mace:hs-delta.example:leerroutes',
    }),
  },
};
