import type { InstitutionDefinition } from '../institution.definition';
import { inAppStudentInformationSystem } from '../student-information-system';
import { entraIdClaims } from '../sign-in';

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
  // mbo charges no collegegeld, so there is none to waive.
  asksProofOfPaidTuition: false,
  studentInformationSystem: inAppStudentInformationSystem('mbo-energie'),
  // The college signs its people in with its own Microsoft Entra ID tenant, not through SURFconext.
  signIn: {
    issuer: 'https://login.microsoftonline.com/6f1c2b7e-3d4a-4e5b-9c8d-0a1b2c3d4e5f/v2.0',
    claims: entraIdClaims({
      tenantId: '6f1c2b7e-3d4a-4e5b-9c8d-0a1b2c3d4e5f',
      organisation: 'energiecollege.example',
    }),
  },
};
