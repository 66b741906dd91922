import type { InstitutionDefinition } from '../institution.definition';
import { inAppStudentInformationSystem } from '../student-information-system';
import { eduPersonClaims } from '../sign-in';

/**
 * Where its own system answers in the demo: `npm start` runs it (apps/ooapi-host) on this machine. A deployment
 * names the real system with OOAPI_CONNECTIONS and gives the secret in OOAPI_CLIENT_SECRETS.
 */
const DEMO_SYSTEM = 'http://127.0.0.1:3002';

/**
 * A research university that takes part as a host through its own system over OOAPI v5: its catalogue comes from
 * that system, its admissions office admits and its registrar records results there, and the answers come back
 * by callback (and by polling where a callback is lost).
 */
export const uniEem: InstitutionDefinition = {
  code: 'uni-eem',
  name: 'Universiteit aan de Eem',
  sector: 'wo',
  creditUnit: 'EC',
  gradingScale: 'nl-1-10',
  queue: 'institution.uni-eem',
  programmes: [
    { code: 'msc-water', name: 'MSc Water and Climate', examBoard: 'eb-eem-science' },
    { code: 'bsc-water', name: 'BSc Water Management', examBoard: 'eb-eem-science' },
  ],
  examBoards: [
    { code: 'eb-eem-science', name: 'Examencommissie Bètawetenschappen', decisionTermDays: 42 },
  ],
  // Its own system enrols visiting students as contract students, who owe no statutory tuition there.
  asksProofOfPaidTuition: false,
  studentInformationSystem: inAppStudentInformationSystem('uni-eem'),
  signIn: {
    issuer: 'https://connect.surfconext.nl',
    claims: eduPersonClaims({
      organisation: 'uni-eem.example',
      entitlementNamespace: 'urn:mace:uni-eem.example:leerroutes',
    }),
  },
  ooapi: {
    baseUrl: `${DEMO_SYSTEM}/ooapi/v5`,
    tokenEndpoint: `${DEMO_SYSTEM}/oauth/token`,
    clientId: 'leerroutes',
    callback: { issuer: `${DEMO_SYSTEM}/oauth`, clientId: 'uni-eem-system' },
  },
};
