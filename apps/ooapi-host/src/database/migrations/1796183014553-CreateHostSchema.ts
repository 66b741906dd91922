import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The demo institution's tables: its catalogue (courses, offerings), the associations callers made, the results
 * recorded on them (corrections as new rows), the outbox of callbacks and the authorization server's signing key.
 * Generated from the entities (apps/ooapi-host/src/database/host-data-source.ts).
 */
export class CreateHostSchema1796183014553 implements MigrationInterface {
  name = 'CreateHostSchema1796183014553';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "courses" ("id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "abbreviation" text NOT NULL, "description" text NOT NULL, "teaching_language" character(3) NOT NULL, "level" text NOT NULL, "study_load_ec" numeric(5,1) NOT NULL, CONSTRAINT "UQ_86b3589486bac01d2903e22471c" UNIQUE ("code"), CONSTRAINT "PK_3f70a487cc718ad8eda4e6d58c9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "offerings" ("id" uuid NOT NULL, "course_id" uuid NOT NULL, "code" text NOT NULL, "period" text NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "enrol_end_date" date NOT NULL, "places" integer NOT NULL, "teaching_language" character(3) NOT NULL, "description" text NOT NULL, CONSTRAINT "UQ_ae7419c9db941bb7a5e0ba69142" UNIQUE ("code"), CONSTRAINT "ck_offerings_dates" CHECK (start_date <= end_date AND enrol_end_date <= end_date), CONSTRAINT "ck_offerings_places" CHECK (places >= 0), CONSTRAINT "PK_6d6a2d4bc88776139fc71a60ca6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_offerings_course_start" ON "offerings" ("course_id", "start_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "associations" ("id" uuid NOT NULL, "offering_id" uuid NOT NULL, "person" jsonb NOT NULL, "issuer" jsonb, "person_key" text NOT NULL, "state" text NOT NULL, "remote_state" text NOT NULL, "reason" text, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "changed_by" text, "changed_at" TIMESTAMP WITH TIME ZONE, "callback_base" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "ck_associations_remote_state" CHECK (remote_state IN ('pending', 'associated', 'denied', 'queued', 'canceled')), CONSTRAINT "ck_associations_state" CHECK (state IN ('pending', 'associated', 'denied', 'queued', 'canceled')), CONSTRAINT "PK_409f7d0389b44b03f8b0767ce0c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_associations_created_at" ON "associations" ("created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_associations_offering_person" ON "associations" ("offering_id", "person_key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "callbacks" ("id" BIGSERIAL NOT NULL, "association_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, "abandoned_at" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "PK_8090fb14d5629af03bc043429d0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_callbacks_association" ON "callbacks" ("association_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_callbacks_open" ON "callbacks" ("next_attempt_at") WHERE delivered_at IS NULL AND abandoned_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "results" ("id" uuid NOT NULL, "association_id" uuid NOT NULL, "score" numeric(3,1) NOT NULL, "pass" boolean NOT NULL, "result_date" date NOT NULL, "is_final" boolean NOT NULL, "corrects_id" uuid, "recorded_by" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_results_score" CHECK (score >= 1 AND score <= 10), CONSTRAINT "PK_e8f2a9191c61c15b627c117a678" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_results_association" ON "results" ("association_id", "recorded_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "signing_keys" ("kid" text NOT NULL, "private_jwk" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_13362ac3e792c69417e1a53d355" PRIMARY KEY ("kid"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "offerings" ADD CONSTRAINT "FK_f710a12fd255a9915047fc059a5" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "associations" ADD CONSTRAINT "FK_2b261d4ac10f0a0406464dc8276" FOREIGN KEY ("offering_id") REFERENCES "offerings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "callbacks" ADD CONSTRAINT "FK_983c1807c59eaefe883dff8569a" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "results" ADD CONSTRAINT "FK_373390c21ffae923250b81f5753" FOREIGN KEY ("association_id") REFERENCES "associations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "results" ADD CONSTRAINT "FK_0aac1b26afa0f82fbf5552cd351" FOREIGN KEY ("corrects_id") REFERENCES "results"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "results" DROP CONSTRAINT "FK_0aac1b26afa0f82fbf5552cd351"`,
    );
    await queryRunner.query(
      `ALTER TABLE "results" DROP CONSTRAINT "FK_373390c21ffae923250b81f5753"`,
    );
    await queryRunner.query(
      `ALTER TABLE "callbacks" DROP CONSTRAINT "FK_983c1807c59eaefe883dff8569a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "associations" DROP CONSTRAINT "FK_2b261d4ac10f0a0406464dc8276"`,
    );
    await queryRunner.query(
      `ALTER TABLE "offerings" DROP CONSTRAINT "FK_f710a12fd255a9915047fc059a5"`,
    );
    await queryRunner.query(`DROP TABLE "signing_keys"`);
    await queryRunner.query(`DROP INDEX "public"."ix_results_association"`);
    await queryRunner.query(`DROP TABLE "results"`);
    await queryRunner.query(`DROP INDEX "public"."ix_callbacks_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_callbacks_association"`);
    await queryRunner.query(`DROP TABLE "callbacks"`);
    await queryRunner.query(`DROP INDEX "public"."ix_associations_offering_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_associations_created_at"`);
    await queryRunner.query(`DROP TABLE "associations"`);
    await queryRunner.query(`DROP INDEX "public"."ix_offerings_course_start"`);
    await queryRunner.query(`DROP TABLE "offerings"`);
    await queryRunner.query(`DROP TABLE "courses"`);
  }
}
