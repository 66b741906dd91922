import { createHash } from 'crypto';
import { ComponentEntity, OfferingEntity, PersonEntity } from '@lr/database';
import { DomainError, academicYearOf } from '@lr/domain';
import type { InstitutionDefinition } from '@lr/institutions';
import type { AssociationWrite } from '@lr/ooapi';

/**
 * A stable uuid for something Leerroutes names by text (an institution, a student of one), as OOAPI wants its
 * ids: the same person is the same personId in every association, so a host can recognise a repeated request.
 * (RFC 9562 version 5: SHA-1 of a namespace and the name.)
 */
export function stableUuid(name: string): string {
  const hash = createHash('sha1').update(`leerroutes:${name}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const LANGUAGE_TAG: Record<string, string> = { nl: 'nl-NL', en: 'en-GB' };
/** ISO 639-2, as OOAPI names teaching languages. */
const TEACHING_LANGUAGE: Record<string, string> = { nl: 'nld', en: 'eng' };

export interface AssociationFacts {
  component: ComponentEntity;
  offering: OfferingEntity;
  student: PersonEntity | null;
  home: InstitutionDefinition;
}

/**
 * The enrolment Leerroutes asks a host's system for (POST /associations/external/me): the student as the home
 * institution knows them (name, e-mail, student number), the host's own offering, and the home institution as
 * the issuer. Only what admission needs crosses over.
 */
export function associationFor({
  component,
  offering,
  student,
  home,
}: AssociationFacts): AssociationWrite {
  if (!offering.externalId) {
    throw new DomainError(
      'OFFERING.NO_EXTERNAL_ID',
      `${offering.title} has no id in its institution's own system, so it cannot be asked for there.`,
    );
  }
  if (!student) {
    throw new DomainError(
      'STUDENT.UNKNOWN',
      'The student of this request is not known here any more.',
    );
  }
  const year = academicYearOf(offering.period)!;
  const [first, ...rest] = student.name.trim().split(/\s+/);
  const text = (value: string) => [{ language: LANGUAGE_TAG[offering.language] ?? 'en-GB', value }];
  return {
    associationType: 'courseOfferingAssociation',
    role: 'student',
    remoteState: 'pending',
    person: {
      personId: stableUuid(`${home.code}/person/${student.id}`),
      primaryCode: student.studentNumber
        ? { codeType: 'studentNumber', code: student.studentNumber }
        : { codeType: 'identifier', code: student.id },
      givenName: first,
      surname: rest.join(' ') || first,
      displayName: student.name,
      mail: student.email,
      affiliations: ['student'],
      activeEnrollment: true,
    },
    offering: {
      offeringId: offering.externalId,
      offeringType: 'course',
      name: text(offering.title),
      description: text(offering.description),
      teachingLanguage: TEACHING_LANGUAGE[offering.language] ?? 'eng',
      resultExpected: true,
      // The catalogue knows the academic year, not yet the host's own dates: the offering lies within it.
      startDate: `${year.slice(0, 4)}-09-01`,
      endDate: `${year.slice(5)}-08-31`,
    },
    issuer: {
      organizationId: stableUuid(`${home.code}/organization`),
      organizationType: 'root',
      primaryCode: { codeType: 'identifier', code: home.code },
      name: [{ language: 'nl-NL', value: home.name }],
      shortName: home.code,
    },
    // A host that keeps it can tell a request sent twice (a retry after a lost answer) from a new one.
    ext: { leerroutes: { componentId: component.id } },
  };
}
