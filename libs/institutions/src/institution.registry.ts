import { Inject, Injectable } from '@nestjs/common';
import { DomainError, GradingScale, NotFoundError } from '@lr/domain';
import type { InstitutionDefinition } from './institution.definition';

export const INSTITUTION_DEFINITIONS = Symbol('INSTITUTION_DEFINITIONS');

/** The one place the workflow asks about institutions: by code, never by name. */
@Injectable()
export class InstitutionRegistry {
  private readonly byCode: Map<string, InstitutionDefinition>;

  constructor(@Inject(INSTITUTION_DEFINITIONS) definitions: InstitutionDefinition[]) {
    this.byCode = new Map(definitions.map((d) => [d.code, d]));
  }

  all(): InstitutionDefinition[] {
    return [...this.byCode.values()];
  }

  get(code: string): InstitutionDefinition {
    const found = this.byCode.get(code);
    if (!found) throw new NotFoundError('institution', code);
    return found;
  }

  queueNames(): string[] {
    return this.all().map((d) => d.queue);
  }

  /** Hosts grade on their own scale, and any unit may be pass/fail only. */
  acceptedGradingScales(code: string): GradingScale[] {
    const { gradingScale } = this.get(code);
    return gradingScale === 'pass-fail' ? [gradingScale] : [gradingScale, 'pass-fail'];
  }

  examBoardForProgramme(institutionCode: string, programmeCode: string) {
    const institution = this.get(institutionCode);
    const programme = institution.programmes.find((p) => p.code === programmeCode);
    const board = programme && institution.examBoards.find((b) => b.code === programme.examBoard);
    if (!board) {
      throw new DomainError(
        'PROGRAMME.NO_EXAM_BOARD',
        `Programme ${programmeCode} of ${institutionCode} has no exam board.`,
        'not-found',
      );
    }
    return board;
  }
}
