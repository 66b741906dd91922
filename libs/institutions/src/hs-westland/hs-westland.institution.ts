import type { InstitutionDefinition } from '../institution.definition';
import { inAppStudentInformationSystem } from '../student-information-system';
import { eduPersonClaims } from '../sign-in';

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
  // Takes visiting students under its partnership agreements without enrolling them: no tuition to waive.
  asksProofOfPaidTuition: false,
  studentInformationSystem: inAppStudentInformationSystem('hs-westland'),
  signIn: {
    issuer: 'https://connect.surfconext.nl',
    claims: eduPersonClaims({
      organisation: 'hs-westland.example',
      entitlementNamespace: 'urn:mace:hs-westland.example:leerroutes',
    }),
  },
};
