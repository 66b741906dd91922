import { Injectable } from '@nestjs/common';
import { ActionName, Actor, ForbiddenError, NotFoundError, authorize } from '@lr/domain';
import {
  DatabaseStudentRegister,
  InstitutionRegistry,
  RegisteredStudent,
  StudentEntry,
  StudentRegisterWriter,
} from '@lr/institutions';

/**
 * An institution's admins keep the students it keeps in Leerroutes itself: the register its in-app student
 * information system answers from when a student signs in or a host asks for proof of paid tuition. The path
 * names no institution: an admin reads and writes their own institution's register, the only one they have.
 */
@Injectable()
export class StudentRegisterUseCase {
  constructor(
    private readonly register: DatabaseStudentRegister,
    private readonly writer: StudentRegisterWriter,
    private readonly registry: InstitutionRegistry,
  ) {}

  async get(actor: Actor, subject: string): Promise<RegisteredStudent> {
    this.authorize(actor, 'student-register.read', subject);
    const entry = await this.register.entry(actor.institutionCode, subject);
    if (!entry) throw new NotFoundError('student', subject);
    return entry;
  }

  /** Enters the student, or replaces what the register held of them. */
  async put(actor: Actor, subject: string, entry: StudentEntry): Promise<RegisteredStudent> {
    this.authorize(actor, 'student-register.write', subject);
    for (const code of entry.programmeCodes) {
      const owner = this.ownerOfOthersProgramme(actor.institutionCode, code);
      // Enrolling someone in another institution's programme is writing that institution's records.
      if (owner) {
        throw new ForbiddenError(
          `${code} is a programme of ${owner}: an admin registers students in their own institution's programmes only.`,
        );
      }
    }
    return this.writer.register(actor.institutionCode, subject, entry);
  }

  private authorize(actor: Actor, action: ActionName, subject: string): void {
    authorize(actor, action, ['own-institution'], { kind: 'student', id: subject });
  }

  /** The name of another institution that has the programme, when the actor's own has none by that code. */
  private ownerOfOthersProgramme(institutionCode: string, code: string): string | undefined {
    const has = (programmes: { code: string }[]) => programmes.some((p) => p.code === code);
    if (has(this.registry.get(institutionCode).programmes)) return undefined;
    return this.registry.all().find((d) => has(d.programmes))?.name;
  }
}
