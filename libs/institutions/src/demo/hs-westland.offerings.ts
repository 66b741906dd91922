import type { OfferingDraft } from '../offering-draft';

/** hs-westland's demo offerings: the catalogue of the demo journeys, seeded only in development and tests. */
export const hsWestlandOfferings: OfferingDraft[] = [
  {
    code: 'TB-KAS-TOM',
    programmeCode: 'tuinbouw',
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
    programmeCode: 'tuinbouw',
    title: 'Energiesystemen in de glastuinbouw',
    description: 'Heat pumps, geothermal heat and CO2 supply in energy-neutral greenhouses.',
    credits: 5,
    period: '2026-2027 P4',
    language: 'nl',
    capacity: 30,
    enrolmentDeadline: '2027-03-15',
    prerequisites: [],
  },
];
