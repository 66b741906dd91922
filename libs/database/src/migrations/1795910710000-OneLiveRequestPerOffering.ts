import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A student has at most one live component per offering, so a unit is not admitted and credited twice. The
 * student is copied onto components (as the home programme is) for the unique index to hold. Creating the
 * index fails on a database that already holds such duplicates: they are for a person to settle (withdraw one),
 * not for a migration to guess.
 */
export class OneLiveRequestPerOffering1795910710000 implements MigrationInterface {
  name = 'OneLiveRequestPerOffering1795910710000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "components" ADD "student_id" text`);
    await queryRunner.query(
      `UPDATE "components" c SET "student_id" = r."student_id" FROM "requests" r WHERE r."id" = c."request_id"`,
    );
    await queryRunner.query(`ALTER TABLE "components" ALTER COLUMN "student_id" SET NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_components_live_offering" ON "components" ("home_institution_code", "student_id", "offering_id") WHERE state NOT IN ('rejected_by_exam_board', 'rejected_by_host', 'withdrawn', 'expired', 'not_recognised')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_components_live_offering"`);
    await queryRunner.query(`ALTER TABLE "components" DROP COLUMN "student_id"`);
  }
}
