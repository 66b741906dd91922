import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person is their institution and subject together (PersonKey): two issuers may hand out the same subject.
 * The people table is keyed so; notifications name their recipient's institution; the lookups by student and
 * by recipient lead with the institution.
 */
export class PersonKey1795910700000 implements MigrationInterface {
  name = 'PersonKey1795910700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "recipient_institution_code" text`);
    // Until now a subject was unique in the people table, so it names the institution; a recipient without a
    // row (a student who signed in but was never seeded) is the request's student, of its home institution.
    await queryRunner.query(
      `UPDATE "notifications" n SET "recipient_institution_code" = COALESCE(
         (SELECT p."institution_code" FROM "people" p WHERE p."id" = n."recipient_id"),
         (SELECT r."home_institution_code" FROM "requests" r WHERE r."id" = n."request_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ALTER COLUMN "recipient_institution_code" SET NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_recipient"`);
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_recipient" ON "notifications" ("recipient_institution_code", "recipient_id", "created_at") `,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_requests_student"`);
    await queryRunner.query(
      `CREATE INDEX "ix_requests_student" ON "requests" ("home_institution_code", "student_id", "created_at") `,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_credit_entries_student"`);
    await queryRunner.query(
      `CREATE INDEX "ix_credit_entries_student" ON "credit_entries" ("institution_code", "student_id", "registered_at") `,
    );
    // The new primary key leads with the institution, so it also serves what ix_people_institution did.
    await queryRunner.query(`DROP INDEX "public"."ix_people_institution"`);
    await queryRunner.query(
      `ALTER TABLE "people" DROP CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "people" ADD CONSTRAINT "PK_eab230f09291e4a6e8d0687d456" PRIMARY KEY ("institution_code", "id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "people" DROP CONSTRAINT "PK_eab230f09291e4a6e8d0687d456"`,
    );
    await queryRunner.query(
      `ALTER TABLE "people" ADD CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b" PRIMARY KEY ("id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_people_institution" ON "people" ("institution_code") `,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_credit_entries_student"`);
    await queryRunner.query(
      `CREATE INDEX "ix_credit_entries_student" ON "credit_entries" ("student_id", "registered_at") `,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_requests_student"`);
    await queryRunner.query(
      `CREATE INDEX "ix_requests_student" ON "requests" ("student_id", "created_at") `,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_notifications_recipient"`);
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_recipient" ON "notifications" ("recipient_id", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "recipient_institution_code"`);
  }
}
