import type { OfferingDraft } from '../offering-draft';

/** hs-delta's demo offerings: the catalogue of the demo journeys, seeded only in development and tests. */
export const hsDeltaOfferings: OfferingDraft[] = [
  {
    code: 'ALO-BD1',
    programmeCode: 'alo',
    title: 'Bewegingsdidactiek 1',
    description:
      'Teaching physical education to primary-school children: games, gymnastics, athletics.',
    credits: 15,
    period: '2026-2027 semester 2',
    language: 'nl',
    capacity: 40,
    enrolmentDeadline: '2027-01-15',
    prerequisites: ['Propedeuse of a teacher-training programme'],
  },
  {
    code: 'ALO-SPW',
    programmeCode: 'alo',
    title: 'Sport en spel in de wijk',
    description: 'Organising sports in the neighbourhood with schools and clubs.',
    credits: 5,
    period: '2026-2027 P3',
    language: 'nl',
    capacity: 25,
    enrolmentDeadline: '2027-01-15',
    prerequisites: [],
  },
  {
    code: 'PABO-REK',
    programmeCode: 'pabo',
    title: 'Rekendidactiek',
    description: 'Didactics of arithmetic for the primary school.',
    credits: 5,
    period: '2026-2027 P3',
    language: 'nl',
    capacity: 30,
    enrolmentDeadline: '2027-01-15',
    prerequisites: [],
  },
];
