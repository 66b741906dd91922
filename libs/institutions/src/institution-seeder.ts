import { EntityManager } from 'typeorm';
import { ExamBoardEntity, InstitutionEntity, ProgrammeEntity } from '@lr/database';
import type { InstitutionDefinition } from './institution.definition';
import { seedDemo } from './demo/demo-seed';

/**
 * Writes the institutions with their programmes and exam boards and, when asked, the demo offerings, people and
 * students (libs/institutions/src/demo, which the institution definitions themselves do not hold). Idempotent:
 * rows that exist are left as they are. The demo has no default: each caller says whether it wants it (the CLI
 * only in development mode, see AppConfig.developmentMode), since a demo admin in a real institution's database
 * is an account nobody owns, and a demo offering a unit nobody teaches.
 */
export async function seedInstitutions(
  em: EntityManager,
  definitions: InstitutionDefinition[],
  { demo }: { demo: boolean },
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
  }
  if (demo) await seedDemo(em, definitions);
}
