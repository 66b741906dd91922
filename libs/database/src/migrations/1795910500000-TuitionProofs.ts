import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proof of paid tuition (bewijs betaald collegegeld): the home institution's statement sent to a host that asks
 * for it, kept with the component it was sent with.
 */
export class TuitionProofs1795910500000 implements MigrationInterface {
  name = 'TuitionProofs1795910500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tuition_proofs" ("component_id" uuid NOT NULL, "academic_year" text NOT NULL, "status" text NOT NULL, "reference" text, "issued_by" text NOT NULL, "issued_on" date, CONSTRAINT "ck_tuition_proofs_statement" CHECK ((status = 'unknown') = (reference IS NULL) AND (status = 'unknown') = (issued_on IS NULL)), CONSTRAINT "ck_tuition_proofs_status" CHECK (status IN ('paid', 'not-paid', 'unknown')), CONSTRAINT "PK_31eb213988f71acb9f603ff24da" PRIMARY KEY ("component_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "tuition_proofs" ADD CONSTRAINT "FK_31eb213988f71acb9f603ff24da" FOREIGN KEY ("component_id") REFERENCES "components"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "tuition_proofs" DROP CONSTRAINT "FK_31eb213988f71acb9f603ff24da"`,
    );
    await queryRunner.query(`DROP TABLE "tuition_proofs"`);
  }
}
