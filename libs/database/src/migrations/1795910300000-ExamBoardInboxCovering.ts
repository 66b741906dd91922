import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exam-board inbox filters on the member's programmes. With the programme in the index (INCLUDE, so the
 * order stays the inbox's own), its count is an index-only scan instead of a visit to every waiting row.
 * TypeORM cannot declare INCLUDE: the entity marks the index synchronize: false.
 */
export class ExamBoardInboxCovering1795910300000 implements MigrationInterface {
  name = 'ExamBoardInboxCovering1795910300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_components_inbox_exam_board"`);
    await queryRunner.query(
      `CREATE INDEX "ix_components_inbox_exam_board" ON "components" ("home_institution_code", "decision_due_at", "updated_at", "id") INCLUDE ("home_programme_code") WHERE state IN ('awaiting_approval', 'awaiting_recognition')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_components_inbox_exam_board"`);
    await queryRunner.query(
      `CREATE INDEX "ix_components_inbox_exam_board" ON "components" ("home_institution_code", "decision_due_at", "updated_at", "id") WHERE state IN ('awaiting_approval', 'awaiting_recognition')`,
    );
  }
}
