import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationsAndTimers1795897845391 implements MigrationInterface {
  name = 'NotificationsAndTimers1795897845391';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "recipient_id" text NOT NULL, "request_id" uuid NOT NULL, "component_id" uuid NOT NULL, "kind" text NOT NULL, "message" text NOT NULL, "dedupe_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "email_status" text NOT NULL DEFAULT 'none', CONSTRAINT "ck_notifications_email_status" CHECK (email_status IN ('none', 'pending', 'sent')), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notifications_dedupe" ON "notifications" ("dedupe_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_recipient" ON "notifications" ("recipient_id", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "exam_boards" ADD "chair_person_id" text`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD "operation" text NOT NULL DEFAULT 'add'`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD "run_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "outbox" ADD CONSTRAINT "ck_outbox_operation" CHECK (operation IN ('add', 'remove'))`,
    );
    // TypeORM does not compare CHECK expressions: the new 'expired' state is added by hand.
    await queryRunner.query(`ALTER TABLE "components" DROP CONSTRAINT "ck_components_state"`);
    await queryRunner.query(
      `ALTER TABLE "components" ADD CONSTRAINT "ck_components_state" CHECK (state IN ('draft', 'awaiting_approval', 'rejected_by_exam_board', 'approved', 'awaiting_admission', 'rejected_by_host', 'enrolled', 'result_recorded', 'awaiting_recognition', 'recognised', 'not_recognised', 'registered', 'withdrawn', 'expired'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "components" DROP CONSTRAINT "ck_components_state"`);
    await queryRunner.query(
      `ALTER TABLE "components" ADD CONSTRAINT "ck_components_state" CHECK (state IN ('draft', 'awaiting_approval', 'rejected_by_exam_board', 'approved', 'awaiting_admission', 'rejected_by_host', 'enrolled', 'result_recorded', 'awaiting_recognition', 'recognised', 'not_recognised', 'registered', 'withdrawn'))`,
    );
    await queryRunner.query(`ALTER TABLE "outbox" DROP CONSTRAINT "ck_outbox_operation"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "run_at"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "operation"`);
    await queryRunner.query(`ALTER TABLE "exam_boards" DROP COLUMN "chair_person_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_recipient"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notifications_dedupe"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
