import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offerings are kept by their institutions, no longer written once from code: a version for changes made on
 * what the admin saw, a closing moment instead of deletion (requests for the offering go on), and an outbox
 * operation that moves a waiting enrolment-deadline timer when the deadline changes.
 */
export class OfferingsKeptByInstitutions1795911400000 implements MigrationInterface {
  name = 'OfferingsKeptByInstitutions1795911400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offerings" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "offerings" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP CONSTRAINT "ck_outbox_operation"`);
    await queryRunner.query(
      `ALTER TABLE "outbox" ADD CONSTRAINT "ck_outbox_operation" CHECK (operation IN ('add', 'remove', 'reschedule'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" DROP CONSTRAINT "ck_outbox_operation"`);
    await queryRunner.query(
      `ALTER TABLE "outbox" ADD CONSTRAINT "ck_outbox_operation" CHECK (operation IN ('add', 'remove'))`,
    );
    await queryRunner.query(`ALTER TABLE "offerings" DROP COLUMN "closed_at"`);
    await queryRunner.query(`ALTER TABLE "offerings" DROP COLUMN "version"`);
  }
}
