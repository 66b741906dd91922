import { EntityManager } from 'typeorm';
import { ExamBoardEntity, InstitutionEntity, OfferingEntity, ProgrammeEntity } from '@lr/database';
import type { InstitutionDefinition } from './institution.definition';
import { seedDemoPeople } from './demo/demo-seed';

/**
 * Writes the institutions' catalogues and, when asked, the demo people and students (libs/institutions/src/demo,
 * which the institution definitions themselves do not hold). Idempotent: rows that exist are left as they are,
 * so places already taken in an offering are never reset. Demo people have no default: each caller says whether
 * it wants them (the CLI only in development mode, see AppConfig.developmentMode), since a demo admin in a real
 * institution's database is an account nobody owns.
 */
export async function seedInstitutions(
  em: EntityManager,
  definitions: InstitutionDefinition[],
  { demoPeople }: { demoPeople: boolean },
): Promise<void> {
  const insert = async <T extends object>(entity: new () => T, rows: T[]) => {
    if (rows.length > 0)
      await em.createQueryBuilder().insert().into(entity).values(rows).orIgnore().execute();
  };
  for (const d of definitions) {
    await insert(InstitutionEntity, [
      {
        code: d.code,
        name: d.name,
        sector: d.sector,
        creditUnit: d.creditUnit,
        gradingScale: d.gradingScale,
      },
    ]);
    await insert(
      ExamBoardEntity,
      d.examBoards.map((b) => ({
        institutionCode: d.code,
        code: b.code,
        name: b.name,
        decisionTermDays: b.decisionTermDays,
        chairPersonId: b.chair ?? null,
      })),
    );
    await insert(
      ProgrammeEntity,
      d.programmes.map((p) => ({
        institutionCode: d.code,
        code: p.code,
        name: p.name,
        examBoardCode: p.examBoard,
      })),
    );
    await insert(
      OfferingEntity,
      d.offerings.map((o) =>
        Object.assign(new OfferingEntity(), {
          institutionCode: d.code,
          programmeCode: o.programme,
          code: o.code,
          title: o.title,
          description: o.description,
          credits: o.credits,
          creditUnit: d.creditUnit,
          period: o.period,
          language: o.language,
          capacity: o.capacity,
          waitingList: o.waitingList ?? false,
          enrolledCount: 0,
          enrolmentDeadline: o.enrolmentDeadline,
          prerequisites: o.prerequisites,
        }),
      ),
    );
  }
  if (demoPeople) await seedDemoPeople(em, definitions);
}
