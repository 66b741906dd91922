import type { Role } from '@lr/domain';
import type { RegisteredTuition } from '@lr/database';

/**
 * A demo person, seeded only in explicit development mode (AppConfig.developmentMode): as if they had signed in
 * once, and, for students, as their institution's own records (the student register) hold them. Real people
 * are recorded from their first sign-in.
 */
export interface DemoPerson {
  /** The subject their institution's identity provider gives them. */
  id: string;
  role: Role;
  name: string;
  email: string;
  studentNumber?: string;
  /** Students: their programme. Exam-board members: their board; its programmes are looked up. */
  programme?: string;
  examBoard?: string;
  /** Students: what the institution's own records say about their tuition, per academic year. */
  tuition?: RegisteredTuition[];
}
