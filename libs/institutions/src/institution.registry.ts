import { Inject, Injectable, Optional } from '@nestjs/common';
import { DomainError, GradingScale, NotFoundError } from '@lr/domain';
import type { InstitutionDefinition } from './institution.definition';
import type { StudentInformationSystem, StudentRegister } from './student-information-system';
import { NO_STUDENT_REGISTER } from './student-register';

export const INSTITUTION_DEFINITIONS = Symbol('INSTITUTION_DEFINITIONS');
export const STUDENT_REGISTER = Symbol('STUDENT_REGISTER');

/** The one place the workflow asks about institutions: by code, never by name. */
@Injectable()
export class InstitutionRegistry {
  private readonly byCode: Map<string, InstitutionDefinition>;
  private readonly systems: Map<string, StudentInformationSystem>;

  constructor(
    @Inject(INSTITUTION_DEFINITIONS) definitions: InstitutionDefinition[],
    @Optional() @Inject(STUDENT_REGISTER) register: StudentRegister = NO_STUDENT_REGISTER,
  ) {
    const problems = definitions.flatMap(problemsOf);
    const queues = definitions.map((d) => d.queue);
    if (new Set(definitions.map((d) => d.code)).size < definitions.length)
      problems.push('two institutions share a code');
    if (new Set(queues).size < queues.length) problems.push('two institutions share a queue');
    // Institutions that sign in through one issuer (a federation) are told apart by their claims alone.
    const signIns = definitions.map((d) => `${d.signIn.issuer} ${d.signIn.claims.organisation}`);
    if (new Set(signIns).size < signIns.length)
      problems.push('two institutions share an issuer and an organisation claim');
    if (problems.length > 0)
      throw new Error(`Invalid institution definitions: ${problems.join('; ')}`);
    this.byCode = new Map(definitions.map((d) => [d.code, d]));
    // Made once, at start: an adapter may hold connections or state (a test's counts of calls, say).
    this.systems = new Map(
      definitions.map((d) => [d.code, d.studentInformationSystem({ register })]),
    );
  }

  /** The adapter to the institution's own student information system. */
  studentInformationSystem(code: string): StudentInformationSystem {
    const system = this.systems.get(code);
    if (!system) throw new NotFoundError('institution', code);
    return system;
  }

  all(): InstitutionDefinition[] {
    return [...this.byCode.values()];
  }

  /** Undefined for an institution this deployment does not know. */
  find(code: string): InstitutionDefinition | undefined {
    return this.byCode.get(code);
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
      );
    }
    return board;
  }
}

/** The Awb allows an administrative body at most eight weeks to decide. */
export const MAX_DECISION_TERM_DAYS = 56;

/** What would make the workflow go wrong later, found when the application starts instead. */
function problemsOf(d: InstitutionDefinition): string[] {
  const problems: string[] = [];
  if (!d.signIn.issuer.startsWith('https://'))
    problems.push(`${d.code}: its issuer ${d.signIn.issuer} is not an https URL`);
  const boards = new Set(d.examBoards.map((b) => b.code));
  for (const b of d.examBoards) {
    if (!(b.decisionTermDays >= 1 && b.decisionTermDays <= MAX_DECISION_TERM_DAYS)) {
      problems.push(
        `${d.code}/${b.code}: a decision term of ${b.decisionTermDays} days is not 1 to ${MAX_DECISION_TERM_DAYS}`,
      );
    }
  }
  for (const p of d.programmes) {
    if (!boards.has(p.examBoard))
      problems.push(`${d.code}/${p.code}: no exam board ${p.examBoard}`);
  }
  return problems;
}
