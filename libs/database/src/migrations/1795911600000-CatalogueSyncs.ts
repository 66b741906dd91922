import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogues kept by institutions' own systems: every synchronisation (run) is recorded in catalogue_syncs, for
 * the institution's admins to see. And every change of an offering, by an admin or by a synchronisation, is
 * audited in audit_log: such an entry names no request (request, home programme and version are null) and
 * carries what changed, field by field. Loosening NOT NULL and adding a column are DDL: the log's triggers, which
 * refuse UPDATE, DELETE and TRUNCATE, do not fire, and no row of it is rewritten.
 */
export class CatalogueSyncs1795911600000 implements MigrationInterface {
  name = 'CatalogueSyncs1795911600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "catalogue_syncs" ("id" BIGSERIAL NOT NULL, "institution_code" text NOT NULL, "triggered_by" text NOT NULL, "requested_by_id" text, "requested_by_name" text, "job_id" text NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "created" integer NOT NULL DEFAULT '0', "changed" integer NOT NULL DEFAULT '0', "closed" integer NOT NULL DEFAULT '0', "reopened" integer NOT NULL DEFAULT '0', "unchanged" integer NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "ck_catalogue_syncs_finished" CHECK ((status IN ('completed', 'failed')) = (finished_at IS NOT NULL)), CONSTRAINT "ck_catalogue_syncs_trigger" CHECK (triggered_by IN ('schedule', 'admin') AND (triggered_by = 'admin') = (requested_by_id IS NOT NULL)), CONSTRAINT "ck_catalogue_syncs_status" CHECK (status IN ('queued', 'running', 'retrying', 'completed', 'failed')), CONSTRAINT "PK_a5718696bbe953bdccab17387b0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_catalogue_syncs_job" ON "catalogue_syncs" ("job_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_catalogue_syncs_institution" ON "catalogue_syncs" ("institution_code", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "catalogue_syncs" ADD CONSTRAINT "FK_00a6a066f4265288ae4fba61b20" FOREIGN KEY ("institution_code") REFERENCES "institutions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "changes" jsonb`);
    await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "request_id" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "audit_log" ALTER COLUMN "home_programme_code" DROP NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "request_version" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The log is append-only: entries of offerings cannot be taken out to make the columns required again.
    const [{ offerings }] = (await queryRunner.query(
      `SELECT count(*)::int AS offerings FROM "audit_log" WHERE "request_id" IS NULL`,
    )) as { offerings: number }[];
    if (offerings > 0) {
      throw new Error(
        `audit_log holds ${offerings} entries of offerings, which an append-only log keeps: not reverted`,
      );
    }
    await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "request_version" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "audit_log" ALTER COLUMN "home_programme_code" SET NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "audit_log" ALTER COLUMN "request_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "changes"`);
    await queryRunner.query(`DROP TABLE "catalogue_syncs"`);
  }
}
