import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An e-mail that cannot be delivered (the mail server refuses it for good, the recipient has no address, or
 * every retry failed) ends as 'failed', with when and why, instead of being tried again for ever. The
 * reconciler finds the few still to send through a partial index.
 */
export class EmailFailures1795910800000 implements MigrationInterface {
  name = 'EmailFailures1795910800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_email_status"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD "email_failed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" ADD "email_failed_reason" text`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_email_status" CHECK (email_status IN ('none', 'pending', 'sent', 'failed'))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_email_pending" ON "notifications" ("id") WHERE email_status = 'pending'`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_email_failed" CHECK ((email_status = 'failed') = (email_failed_at IS NOT NULL) AND (email_failed_at IS NULL) = (email_failed_reason IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_email_pending"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_email_failed"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_email_status"`,
    );
    await queryRunner.query(
      `UPDATE "notifications" SET "email_status" = 'pending' WHERE "email_status" = 'failed'`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "email_failed_reason"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "email_failed_at"`);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "ck_notifications_email_status" CHECK (email_status IN ('none', 'pending', 'sent'))`,
    );
  }
}
