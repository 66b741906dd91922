import { MigrationInterface, QueryRunner } from 'typeorm';

const STATES_BEFORE = `'draft', 'awaiting_approval', 'rejected_by_exam_board', 'approved', 'awaiting_admission', 'rejected_by_host', 'enrolled', 'result_recorded', 'awaiting_recognition', 'recognised', 'not_recognised', 'registered', 'withdrawn', 'expired'`;
const STATES_AFTER = `'draft', 'awaiting_approval', 'rejected_by_exam_board', 'approved', 'awaiting_admission', 'waitlisted', 'rejected_by_host', 'enrolled', 'result_recorded', 'awaiting_recognition', 'recognised', 'not_recognised', 'registered', 'withdrawn', 'expired'`;

/** An offering may keep a waiting list; its components wait in the admissions inbox with the others. */
export class WaitingLists1795910000000 implements MigrationInterface {
  name = 'WaitingLists1795910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "offerings" ADD "waiting_list" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "components" DROP CONSTRAINT "ck_components_state"`);
    await queryRunner.query(
      `ALTER TABLE "components" ADD CONSTRAINT "ck_components_state" CHECK (state IN (${STATES_AFTER}))`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_components_inbox_admissions"`);
    await queryRunner.query(
      `CREATE INDEX "ix_components_inbox_admissions" ON "components" ("host_institution_code", "updated_at", "id") WHERE state IN ('awaiting_admission', 'waitlisted')`,
    );
    // A place on the waiting list is its order among the offering's waiting components.
    await queryRunner.query(
      `CREATE INDEX "ix_components_waiting_list" ON "components" ("offering_id", "updated_at", "id") WHERE state = 'waitlisted'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_components_waiting_list"`);
    await queryRunner.query(`DROP INDEX "public"."ix_components_inbox_admissions"`);
    await queryRunner.query(
      `CREATE INDEX "ix_components_inbox_admissions" ON "components" ("host_institution_code", "updated_at", "id") WHERE state = 'awaiting_admission'`,
    );
    await queryRunner.query(`ALTER TABLE "components" DROP CONSTRAINT "ck_components_state"`);
    await queryRunner.query(
      `ALTER TABLE "components" ADD CONSTRAINT "ck_components_state" CHECK (state IN (${STATES_BEFORE}))`,
    );
    await queryRunner.query(`ALTER TABLE "offerings" DROP COLUMN "waiting_list"`);
  }
}
