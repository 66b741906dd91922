import type { OfferingDraft } from '../offering-draft';

/** mbo-energie's demo offerings: the catalogue of the demo journeys, seeded only in development and tests. */
export const mboEnergieOfferings: OfferingDraft[] = [
  {
    code: 'KD-WARMTEPOMP',
    programmeCode: 'installatie',
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
    programmeCode: 'installatie',
    title: 'Keuzedeel Zonnestroomsystemen',
    description: 'Design and installation of photovoltaic systems.',
    credits: 480,
    period: '2026-2027 blok 3-4',
    language: 'nl',
    capacity: 20,
    enrolmentDeadline: '2027-01-31',
    prerequisites: [],
  },
];
