import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hosts whose own system takes part over OOAPI v5: an offering carries the host's own id for it (external_id,
 * which a delivery names), a component the association the host made and its state there, with when the poller
 * next asks about it; and a result the host replaces (a correction) is kept in component_result_history.
 */
export class OoapiAssociations1795911500000 implements MigrationInterface {
  name = 'OoapiAssociations1795911500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offerings" ADD "external_id" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_offerings_external_id" ON "offerings" ("institution_code", "external_id") WHERE external_id IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "components" ADD "association_id" text`);
    await queryRunner.query(`ALTER TABLE "components" ADD "association_state" text`);
    await queryRunner.query(
      `ALTER TABLE "components" ADD "association_poll_due_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "components" ADD "association_polls_unchanged" smallint NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "components" ADD CONSTRAINT "ck_components_association_state" CHECK (association_state IN ('pending', 'associated', 'denied', 'queued', 'canceled'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "components" ADD CONSTRAINT "ck_components_association" CHECK ((association_id IS NULL) = (association_state IS NULL))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_components_association" ON "components" ("host_institution_code", "association_id") WHERE association_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_components_association_poll" ON "components" ("association_poll_due_at") WHERE association_id IS NOT NULL AND state IN ('awaiting_admission', 'waitlisted', 'enrolled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "component_result_history" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "component_id" uuid NOT NULL, "grade" text NOT NULL, "grading_scale" text NOT NULL, "passed" boolean NOT NULL, "credits" numeric(7,2) NOT NULL, "credit_unit" text NOT NULL, "is_final" boolean NOT NULL, "recorded_by" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "replaced_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_component_result_history" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_component_result_history_component" ON "component_result_history" ("component_id", "replaced_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "component_result_history" ADD CONSTRAINT "FK_35445b0820f2d12edebe1633380" FOREIGN KEY ("component_id") REFERENCES "components"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "component_result_history"`);
    await queryRunner.query(`DROP INDEX "public"."ix_components_association_poll"`);
    await queryRunner.query(`DROP INDEX "public"."uq_components_association"`);
    await queryRunner.query(`ALTER TABLE "components" DROP CONSTRAINT "ck_components_association"`);
    await queryRunner.query(
      `ALTER TABLE "components" DROP CONSTRAINT "ck_components_association_state"`,
    );
    await queryRunner.query(`ALTER TABLE "components" DROP COLUMN "association_polls_unchanged"`);
    await queryRunner.query(`ALTER TABLE "components" DROP COLUMN "association_poll_due_at"`);
    await queryRunner.query(`ALTER TABLE "components" DROP COLUMN "association_state"`);
    await queryRunner.query(`ALTER TABLE "components" DROP COLUMN "association_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_offerings_external_id"`);
    await queryRunner.query(`ALTER TABLE "offerings" DROP COLUMN "external_id"`);
  }
}
