import type { CreditUnit, GradingScale, Role, Sector } from '@lr/domain';
import type { SignInDefinition } from './sign-in';
import type { StudentInformationSystem } from './student-information-system';

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
  /** The person told when the board lets its term pass; without one, every member is. */
  chair?: string;
}

export interface OfferingDefinition {
  code: string;
  programme: string;
  title: string;
  description: string;
  /** In the institution's credit unit. */
  credits: number;
  period: string;
  language: 'nl' | 'en';
  capacity: number;
  /** When full, students go on a waiting list instead of being refused. */
  waitingList?: boolean;
  /** ISO date (yyyy-mm-dd): the last day the host admits students. */
  enrolmentDeadline: string;
  prerequisites: string[];
}

/** A seeded person, for demos and tests; real people sign in through the institution's identity provider. */
export interface PersonDefinition {
  id: string;
  role: Role;
  name: string;
  email: string;
  studentNumber?: string;
  /** Students: their programme. Exam-board members: their board; its programmes are looked up. */
  programme?: string;
  examBoard?: string;
  /**
   * Students: what the institution's own records say about their tuition, per academic year. Read by the in-app
   * student information system; a real one answers from the institution's own administration.
   */
  tuition?: TuitionRecord[];
}

/** The institution's record of a student's tuition for one academic year, as its proof would state it. */
export interface TuitionRecord {
  /** 'yyyy-yyyy', e.g. '2026-2027'. */
  academicYear: string;
  paid: boolean;
  /** The reference on the institution's statement. */
  reference: string;
  /** ISO date (yyyy-mm-dd) the statement was issued. */
  issuedOn: string;
}

/**
 * Everything the workflow needs to know about an institution. Adding an institution is adding one of these in
 * its own folder and listing it in registered-institutions.ts; the workflow never asks for a name.
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
  offerings: OfferingDefinition[];
  people: PersonDefinition[];
  /**
   * Whether, as a host, this institution asks a visiting student's home institution for proof of paid tuition
   * (bewijs betaald collegegeld): an institution that enrols visiting students in its own administration would
   * otherwise charge them tuition a second time.
   */
  asksProofOfPaidTuition: boolean;
  /** The adapter to the institution's own student information system. */
  studentInformationSystem: StudentInformationSystem;
  /** The identity provider its people sign in with, and how its claims map to a person here. */
  signIn: SignInDefinition;
}
