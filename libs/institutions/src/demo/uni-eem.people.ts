import type { DemoPerson } from './demo-person';

/**
 * uni-eem's demo people. Its admissions office and registrar work in its own system, not here; its admin sees
 * how the catalogue synchronisations from that system went and asks for one.
 */
export const uniEemPeople: DemoPerson[] = [
  {
    id: 'eem-admin',
    role: 'admin',
    name: 'Application Administrator Eem',
    email: 'admin@uni-eem.example',
  },
];
