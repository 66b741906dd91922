import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The student register of institutions that keep their students in Leerroutes itself: what their in-app
 * student information system answers from (programmes, student number, tuition), now that the demo people no
 * longer live in the institution definitions.
 */
export class StudentRegister1795911200000 implements MigrationInterface {
  name = 'StudentRegister1795911200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "student_register" ("institution_code" text NOT NULL, "subject" text NOT NULL, "student_number" text NOT NULL, "programme_codes" text array NOT NULL, "tuition" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "uq_student_register_number" UNIQUE ("institution_code", "student_number"), CONSTRAINT "PK_96a904c48d1af8be1364e2f50a0" PRIMARY KEY ("institution_code", "subject"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "student_register" ADD CONSTRAINT "FK_363b61ee290644716c5e19619ad" FOREIGN KEY ("institution_code") REFERENCES "institutions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "student_register" DROP CONSTRAINT "FK_363b61ee290644716c5e19619ad"`,
    );
    await queryRunner.query(`DROP TABLE "student_register"`);
  }
}
