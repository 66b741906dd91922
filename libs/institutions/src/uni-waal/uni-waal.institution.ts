import type { InstitutionDefinition } from '../institution.definition';
import { inAppStudentInformationSystem } from '../student-information-system';
import { eduPersonClaims } from '../sign-in';

/** A research university: food science (route 5, Macca) and a plant-biotechnology master (route 6, Aurelie). */
export const uniWaal: InstitutionDefinition = {
  code: 'uni-waal',
  name: 'Universiteit aan de Waal',
  sector: 'wo',
  creditUnit: 'EC',
  gradingScale: 'nl-1-10',
  queue: 'institution.uni-waal',
  programmes: [
    { code: 'msc-food', name: 'MSc Food Technology', examBoard: 'eb-life-sciences' },
    { code: 'msc-plant', name: 'MSc Plant Biotechnology', examBoard: 'eb-life-sciences' },
    { code: 'bsc-nutrition', name: 'BSc Nutrition and Health', examBoard: 'eb-nutrition' },
  ],
  examBoards: [
    {
      code: 'eb-life-sciences',
      name: 'Examencommissie Life Sciences',
      decisionTermDays: 56,
      chair: 'waal-eb-life-chair',
    },
    { code: 'eb-nutrition', name: 'Examencommissie Voeding', decisionTermDays: 42 },
  ],
  // Enrols visiting students in its own administration, where they would owe the statutory tuition
  // a second time: the proof that they paid it at home waives it.
  asksProofOfPaidTuition: true,
  studentInformationSystem: inAppStudentInformationSystem('uni-waal'),
  signIn: {
    issuer: 'https://connect.surfconext.nl',
    claims: eduPersonClaims({
      organisation: 'uni-waal.example',
      entitlementNamespace: 'urn:mace:uni-waal.example:leerroutes',
    }),
  },
};
