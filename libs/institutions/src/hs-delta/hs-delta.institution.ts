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
