import type { CreditUnit, GradingScale, Sector } from '@lr/domain';
import type { OoapiConnection } from './ooapi-connection';
import type { SignInDefinition } from './sign-in';
import type { StudentInformationSystemFactory } from './student-information-system';

export interface ProgrammeDefinition {
  code: string;
  name: string;
  examBoard: string;
}

export interface ExamBoardDefinition {
  code: string;
  name: string;
  /** The decision term from the board's regulations, in days (the Awb allows at most eight weeks). */
  decisionTermDays: number;
  /**
   * The subject of the person told when the board lets its term pass; without one, every member is. The chair
   * is reached once they have signed in (or were seeded as a demo person).
   */
  chair?: string;
}

/**
 * Everything the workflow needs to know about an institution. Adding an institution is adding one of these in
 * its own folder and listing it in registered-institutions.ts; the workflow never asks for a name. Its offerings
 * are not here: the institution keeps them itself, through the API (OfferingWriter), and the demo offerings are
 * in demo/.
 */
export interface InstitutionDefinition {
  code: string;
  name: string;
  sector: Sector;
  creditUnit: CreditUnit;
  gradingScale: GradingScale;
  /** The BullMQ queue that carries this institution's jobs. Its value lives in Redis: renaming strands jobs. */
  queue: string;
  programmes: ProgrammeDefinition[];
  examBoards: ExamBoardDefinition[];
  /**
   * Whether, as a host, this institution asks a visiting student's home institution for proof of paid tuition
   * (bewijs betaald collegegeld): an institution that enrols visiting students in its own administration would
   * otherwise charge them tuition a second time.
   */
  asksProofOfPaidTuition: boolean;
  /**
   * The adapter to the institution's own student information system, made once when the application starts
   * (see InstitutionRegistry.studentInformationSystem).
   */
  studentInformationSystem: StudentInformationSystemFactory;
  /** The identity provider its people sign in with, and how its claims map to a person here. */
  signIn: SignInDefinition;
  /**
   * Its own system, where the institution takes part through it over OOAPI v5 (as a host: admissions and results
   * happen there, not in Leerroutes). Absent: the institution works in Leerroutes itself. The deployment may
   * change any part (OOAPI_CONNECTIONS) and gives the secret (OOAPI_CLIENT_SECRETS).
   */
  ooapi?: OoapiConnection;
}
