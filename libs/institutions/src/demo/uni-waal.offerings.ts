import type { OfferingDraft } from '../offering-draft';

/** uni-waal's demo offerings: the catalogue of the demo journeys, seeded only in development and tests. */
export const uniWaalOfferings: OfferingDraft[] = [
  {
    code: 'FQD-31306',
    programmeCode: 'msc-food',
    title: 'Food Quality Design',
    description: 'Designing food products for quality and shelf life.',
    credits: 6,
    period: '2026-2027 P3',
    language: 'en',
    capacity: 60,
    enrolmentDeadline: '2027-01-20',
    prerequisites: ['BSc in food science or equivalent'],
  },
  {
    code: 'PBT-21806',
    programmeCode: 'msc-plant',
    title: 'Plant Genomics',
    description: 'Genome analysis of crop plants.',
    credits: 6,
    period: '2026-2027 P4',
    language: 'en',
    capacity: 40,
    enrolmentDeadline: '2027-03-01',
    prerequisites: ['Molecular biology at bachelor level'],
  },
];
