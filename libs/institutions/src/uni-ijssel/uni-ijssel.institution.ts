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
