import { DomainError } from './errors';

export type Sector = 'mbo' | 'hbo' | 'wo';
export const SECTORS: readonly Sector[] = ['mbo', 'hbo', 'wo'];
export type LearningRoute = 4 | 5 | 6;

export interface Placement {
  institutionCode: string;
  sector: Sector;
  programmeCode: string;
}

/**
 * The route is a fact of the request, not a choice: same institution → 4, other institution of the same
 * sector → 5, other sector → 6. A unit of the student's own programme is no learning route at all.
 */
export function deriveRoute(home: Placement, host: Placement): LearningRoute {
  if (home.institutionCode === host.institutionCode) {
    if (home.programmeCode === host.programmeCode) {
      throw new DomainError(
        'COMPONENT.OWN_PROGRAMME',
        'This unit belongs to your own programme; a learning route takes units from another programme.',
      );
    }
    return 4;
  }
  return home.sector === host.sector ? 5 : 6;
}
