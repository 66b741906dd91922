import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSchema1795894474931 implements MigrationInterface {
  name = 'CreateSchema1795894474931';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "institutions" ("code" text NOT NULL, "name" text NOT NULL, "sector" text NOT NULL, "credit_unit" text NOT NULL, "grading_scale" text NOT NULL, CONSTRAINT "ck_institutions_credit_unit" CHECK (credit_unit IN ('EC', 'hours')), CONSTRAINT "ck_institutions_sector" CHECK (sector IN ('mbo', 'hbo', 'wo')), CONSTRAINT "PK_3617f5ad52593fd4355b38d03a1" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "offerings" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "institution_code" text NOT NULL, "programme_code" text NOT NULL, "code" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "credits" numeric(7,2) NOT NULL, "credit_unit" text NOT NULL, "period" text NOT NULL, "language" text NOT NULL, "capacity" integer NOT NULL, "enrolled_count" integer NOT NULL DEFAULT '0', "enrolment_deadline" date NOT NULL, "prerequisites" text array NOT NULL DEFAULT '{}', CONSTRAINT "ck_offerings_credits" CHECK (credits > 0), CONSTRAINT "ck_offerings_capacity" CHECK (enrolled_count >= 0 AND enrolled_count <= capacity), CONSTRAINT "PK_6d6a2d4bc88776139fc71a60ca6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_offerings_period" ON "offerings" ("period") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_offerings_institution_code" ON "offerings" ("institution_code", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "requests" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "student_id" text NOT NULL, "home_institution_code" text NOT NULL, "home_programme_code" text NOT NULL, "motivation" text NOT NULL, "status" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_requests_status" CHECK (status IN ('draft', 'in_progress', 'completed', 'withdrawn')), CONSTRAINT "PK_0428f484e96f9e6a55955f29b5f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_requests_student" ON "requests" ("student_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "components" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "request_id" uuid NOT NULL, "position" integer NOT NULL, "offering_id" uuid NOT NULL, "home_institution_code" text NOT NULL, "home_programme_code" text NOT NULL, "host_institution_code" text NOT NULL, "route" smallint NOT NULL, "counts_as" text NOT NULL, "replaces_unit" text, "motivation" text NOT NULL, "state" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "approved_credits" numeric(7,2), "approved_credit_unit" text, "approved_placement" text, "approval_reference" text, "enrolment_reference" text, "decision_due_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_components_counts_as" CHECK (counts_as IN ('elective-space', 'minor', 'replacement')), CONSTRAINT "ck_components_route" CHECK (route IN (4, 5, 6)), CONSTRAINT "ck_components_state" CHECK (state IN ('draft', 'awaiting_approval', 'rejected_by_exam_board', 'approved', 'awaiting_admission', 'rejected_by_host', 'enrolled', 'result_recorded', 'awaiting_recognition', 'recognised', 'not_recognised', 'registered', 'withdrawn')), CONSTRAINT "PK_0d742661c63926321b5f5eac1ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_components_home_state" ON "components" ("home_institution_code", "state", "updated_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_components_host_state" ON "components" ("host_institution_code", "state", "updated_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_components_request" ON "components" ("request_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "component_results" ("component_id" uuid NOT NULL, "grade" text NOT NULL, "grading_scale" text NOT NULL, "passed" boolean NOT NULL, "credits" numeric(7,2) NOT NULL, "credit_unit" text NOT NULL, "is_final" boolean NOT NULL, "recorded_by" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_864bdaf2ab649de19caa585058f" PRIMARY KEY ("component_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "credit_entries" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "student_id" text NOT NULL, "institution_code" text NOT NULL, "component_id" uuid NOT NULL, "request_id" uuid NOT NULL, "unit_title" text NOT NULL, "host_institution_code" text NOT NULL, "credits" numeric(7,2) NOT NULL, "credit_unit" text NOT NULL, "placement" text, "original_grade" text NOT NULL, "decision_reference" text NOT NULL, "registered_by" text NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_credit_entries_credits" CHECK (credits > 0), CONSTRAINT "PK_a1974466f4738c102e78f457632" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_credit_entries_student" ON "credit_entries" ("student_id", "registered_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_credit_entries_component" ON "credit_entries" ("component_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "exam_boards" ("institution_code" text NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "decision_term_days" integer NOT NULL, CONSTRAINT "PK_afed692e55b3195fa1224c4f708" PRIMARY KEY ("institution_code", "code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" BIGSERIAL NOT NULL, "queue_name" text NOT NULL, "job_name" text NOT NULL, "job_id" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_unsent" ON "outbox" ("id") WHERE sent_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "people" ("id" text NOT NULL, "institution_code" text NOT NULL, "role" text NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "student_number" text, "programme_codes" text array NOT NULL DEFAULT '{}', CONSTRAINT "ck_people_role" CHECK (role IN ('student', 'exam-board', 'host-admissions', 'registrar', 'admin')), CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_people_institution" ON "people" ("institution_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "programmes" ("institution_code" text NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "exam_board_code" text NOT NULL, CONSTRAINT "PK_e6de113e1c9fd2d52fdb47a178b" PRIMARY KEY ("institution_code", "code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "recognitions" ("component_id" uuid NOT NULL, "outcome" text NOT NULL, "original_grade" text NOT NULL, "original_grading_scale" text NOT NULL, "original_passed" boolean NOT NULL, "original_credits" numeric(7,2) NOT NULL, "original_credit_unit" text NOT NULL, "recognised_credits" numeric(7,2) NOT NULL, "recognised_credit_unit" text NOT NULL, "placement" text, "conversion_rule" text NOT NULL, "basis" text NOT NULL, "decision_reference" text NOT NULL, "motivation" text, "decided_by" text NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_recognitions_outcome" CHECK (outcome IN ('recognised', 'not_recognised')), CONSTRAINT "PK_463ca6cc924ff156d0ee6b6b63f" PRIMARY KEY ("component_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "transitions" ("id" BIGSERIAL NOT NULL, "request_id" uuid NOT NULL, "component_id" uuid NOT NULL, "event" text NOT NULL, "from_state" text NOT NULL, "to_state" text NOT NULL, "actor_id" text NOT NULL, "actor_role" text NOT NULL, "institution_code" text NOT NULL, "motivation" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_623bb4d161fca5fdc7e6a79248c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_transitions_request" ON "transitions" ("request_id", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "offerings" ADD CONSTRAINT "FK_0d8086135120ada6ce57f9b84f8" FOREIGN KEY ("institution_code") REFERENCES "institutions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "components" ADD CONSTRAINT "FK_35769d5de74cd22d388fc24cecb" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "components" ADD CONSTRAINT "FK_f0e4ecb135402e2fcd45db72b24" FOREIGN KEY ("offering_id") REFERENCES "offerings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_results" ADD CONSTRAINT "FK_864bdaf2ab649de19caa585058f" FOREIGN KEY ("component_id") REFERENCES "components"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "credit_entries" ADD CONSTRAINT "FK_a9d97288ef728267fd3fb85968a" FOREIGN KEY ("component_id") REFERENCES "components"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exam_boards" ADD CONSTRAINT "FK_d32f3d17acdd3173f6572fc000d" FOREIGN KEY ("institution_code") REFERENCES "institutions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "people" ADD CONSTRAINT "FK_53f1c3a53021131564a7d57ae63" FOREIGN KEY ("institution_code") REFERENCES "institutions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "programmes" ADD CONSTRAINT "FK_657b04e52a8638424055dca9c8c" FOREIGN KEY ("institution_code") REFERENCES "institutions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recognitions" ADD CONSTRAINT "FK_463ca6cc924ff156d0ee6b6b63f" FOREIGN KEY ("component_id") REFERENCES "components"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "transitions" ADD CONSTRAINT "FK_15f51d38ede769cd097b8515452" FOREIGN KEY ("component_id") REFERENCES "components"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "transitions" DROP CONSTRAINT "FK_15f51d38ede769cd097b8515452"`,
    );
    await queryRunner.query(
      `ALTER TABLE "recognitions" DROP CONSTRAINT "FK_463ca6cc924ff156d0ee6b6b63f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "programmes" DROP CONSTRAINT "FK_657b04e52a8638424055dca9c8c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "people" DROP CONSTRAINT "FK_53f1c3a53021131564a7d57ae63"`,
    );
    await queryRunner.query(
      `ALTER TABLE "exam_boards" DROP CONSTRAINT "FK_d32f3d17acdd3173f6572fc000d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "credit_entries" DROP CONSTRAINT "FK_a9d97288ef728267fd3fb85968a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_results" DROP CONSTRAINT "FK_864bdaf2ab649de19caa585058f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "components" DROP CONSTRAINT "FK_f0e4ecb135402e2fcd45db72b24"`,
    );
    await queryRunner.query(
      `ALTER TABLE "components" DROP CONSTRAINT "FK_35769d5de74cd22d388fc24cecb"`,
    );
    await queryRunner.query(
      `ALTER TABLE "offerings" DROP CONSTRAINT "FK_0d8086135120ada6ce57f9b84f8"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_transitions_request"`);
    await queryRunner.query(`DROP TABLE "transitions"`);
    await queryRunner.query(`DROP TABLE "recognitions"`);
    await queryRunner.query(`DROP TABLE "programmes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_people_institution"`);
    await queryRunner.query(`DROP TABLE "people"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_unsent"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP TABLE "exam_boards"`);
    await queryRunner.query(`DROP INDEX "public"."uq_credit_entries_component"`);
    await queryRunner.query(`DROP INDEX "public"."ix_credit_entries_student"`);
    await queryRunner.query(`DROP TABLE "credit_entries"`);
    await queryRunner.query(`DROP TABLE "component_results"`);
    await queryRunner.query(`DROP INDEX "public"."ix_components_request"`);
    await queryRunner.query(`DROP INDEX "public"."ix_components_host_state"`);
    await queryRunner.query(`DROP INDEX "public"."ix_components_home_state"`);
    await queryRunner.query(`DROP TABLE "components"`);
    await queryRunner.query(`DROP INDEX "public"."ix_requests_student"`);
    await queryRunner.query(`DROP TABLE "requests"`);
    await queryRunner.query(`DROP INDEX "public"."uq_offerings_institution_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_offerings_period"`);
    await queryRunner.query(`DROP TABLE "offerings"`);
    await queryRunner.query(`DROP TABLE "institutions"`);
  }
}
