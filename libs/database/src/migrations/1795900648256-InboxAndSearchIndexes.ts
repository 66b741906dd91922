import { MigrationInterface, QueryRunner } from 'typeorm';

export class InboxAndSearchIndexes1795900648256 implements MigrationInterface {
  name = 'InboxAndSearchIndexes1795900648256';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_components_inbox_registrations" ON "components" ("home_institution_code", "updated_at", "id") WHERE state = 'recognised'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_components_inbox_results" ON "components" ("host_institution_code", "updated_at", "id") WHERE state = 'enrolled'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_components_inbox_admissions" ON "components" ("host_institution_code", "updated_at", "id") WHERE state = 'awaiting_admission'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_components_inbox_exam_board" ON "components" ("home_institution_code", "decision_due_at", "updated_at", "id") WHERE state IN ('awaiting_approval', 'awaiting_recognition')`,
    );
    // Catalogue search matches words anywhere in title, code and description; a trigram index serves that.
    // By hand: TypeORM cannot declare an expression index (the entity marks it synchronize: false).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "ix_offerings_search" ON "offerings" USING gin ((lower(title || ' ' || code || ' ' || description)) gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_offerings_search"`);
    await queryRunner.query(`DROP INDEX "public"."ix_components_inbox_exam_board"`);
    await queryRunner.query(`DROP INDEX "public"."ix_components_inbox_admissions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_components_inbox_results"`);
    await queryRunner.query(`DROP INDEX "public"."ix_components_inbox_registrations"`);
  }
}
