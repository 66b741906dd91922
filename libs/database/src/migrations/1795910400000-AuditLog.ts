import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log, append-only in the database itself: a trigger refuses every UPDATE and DELETE of a row and
 * every TRUNCATE, whoever asks, so no bug or misuse of the application can rewrite what was decided.
 */
export class AuditLog1795910400000 implements MigrationInterface {
  name = 'AuditLog1795910400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" text NOT NULL, "actor_role" text NOT NULL, "actor_institution_code" text NOT NULL, "action" text NOT NULL, "object_type" text NOT NULL, "object_id" uuid NOT NULL, "request_id" uuid NOT NULL, "home_institution_code" text NOT NULL, "home_programme_code" text NOT NULL, "request_version" integer NOT NULL, "motivation" text, "client_address" text, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_actor_institution" ON "audit_log" ("actor_institution_code", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_home" ON "audit_log" ("home_institution_code", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_request" ON "audit_log" ("request_id", "id") `,
    );
    await queryRunner.query(
      `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
           USING ERRCODE = 'insufficient_privilege';
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
  }
}
