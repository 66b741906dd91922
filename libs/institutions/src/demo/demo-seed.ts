import { EntityManager } from 'typeorm';
import { OfferingEntity, PersonEntity, StudentRegisterEntity } from '@lr/database';
import type { InstitutionDefinition } from '../institution.definition';
import { OfferingDraft, newOfferingRow } from '../offering-draft';
import type { DemoPerson } from './demo-person';
import { hsDeltaOfferings } from './hs-delta.offerings';
import { hsDeltaPeople } from './hs-delta.people';
import { hsWestlandOfferings } from './hs-westland.offerings';
import { hsWestlandPeople } from './hs-westland.people';
import { mboEnergieOfferings } from './mbo-energie.offerings';
import { mboEnergiePeople } from './mbo-energie.people';
import { uniEemPeople } from './uni-eem.people';
import { uniIjsselOfferings } from './uni-ijssel.offerings';
import { uniIjsselPeople } from './uni-ijssel.people';
import { uniWaalOfferings } from './uni-waal.offerings';
import { uniWaalPeople } from './uni-waal.people';

/** The demo people of each demo institution, by its code. */
export const DEMO_PEOPLE: Readonly<Record<string, readonly DemoPerson[]>> = {
  'hs-delta': hsDeltaPeople,
  'uni-waal': uniWaalPeople,
  'uni-ijssel': uniIjsselPeople,
  'hs-westland': hsWestlandPeople,
  'mbo-energie': mboEnergiePeople,
  'uni-eem': uniEemPeople,
};

/**
 * The demo offerings of each demo institution, by its code: the catalogue the demo journeys and the tests take
 * units from. A real institution's admins keep its offerings through the API.
 */
export const DEMO_OFFERINGS: Readonly<Record<string, readonly OfferingDraft[]>> = {
  'hs-delta': hsDeltaOfferings,
  'uni-waal': uniWaalOfferings,
  'uni-ijssel': uniIjsselOfferings,
  'hs-westland': hsWestlandOfferings,
  'mbo-energie': mboEnergieOfferings,
};

/** The programmes a demo person studies or decides for, as their sign-in would name them. */
export function demoProgrammesOf(definition: InstitutionDefinition, person: DemoPerson): string[] {
  if (person.programme) return [person.programme];
  return definition.programmes.filter((p) => p.examBoard === person.examBoard).map((p) => p.code);
}

/**
 * The demo offerings and people of the given institutions: the offerings as their admins would have entered
 * them, the people as if each had signed in once (so that notices reach them before they do), and the demo
 * students in their institution's student register. Idempotent: rows that exist are left as they are, so an
 * offering an admin changed and the places taken in it stay as they are.
 */
export async function seedDemo(
  em: EntityManager,
  definitions: InstitutionDefinition[],
): Promise<void> {
  for (const d of definitions) {
    const people = DEMO_PEOPLE[d.code] ?? [];
    const insert = async <T extends object>(entity: new () => T, rows: T[]) => {
      if (rows.length > 0)
        await em.createQueryBuilder().insert().into(entity).values(rows).orIgnore().execute();
    };
    await insert(
      OfferingEntity,
      (DEMO_OFFERINGS[d.code] ?? []).map((o) => newOfferingRow(d, o)),
    );
    await insert(
      PersonEntity,
      people.map((p) =>
        Object.assign(new PersonEntity(), {
          id: p.id,
          institutionCode: d.code,
          role: p.role,
          name: p.name,
          email: p.email,
          studentNumber: p.studentNumber ?? null,
          programmeCodes: demoProgrammesOf(d, p),
        }),
      ),
    );
    await insert(
      StudentRegisterEntity,
      people.flatMap((p) =>
        p.role === 'student' && p.studentNumber
          ? [
              Object.assign(new StudentRegisterEntity(), {
                institutionCode: d.code,
                subject: p.id,
                studentNumber: p.studentNumber,
                programmeCodes: demoProgrammesOf(d, p),
                tuition: p.tuition ?? [],
              }),
            ]
          : [],
      ),
    );
  }
}
