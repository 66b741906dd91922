import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Client addresses leave the append-only audit log for a table of their own, from which the worker deletes
 * them after the retention (AUDIT_ADDRESS_RETENTION_DAYS). The existing addresses move with the time of their
 * entry. Dropping the column is DDL: the log's row trigger (UPDATE, DELETE) and statement trigger (TRUNCATE)
 * do not fire on it, and no row of the log is rewritten through DML.
 */
export class AuditClientAddresses1795910600000 implements MigrationInterface {
  name = 'AuditClientAddresses1795910600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_client_addresses" ("audit_id" bigint NOT NULL, "client_address" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_7a224f1529f756527fc1e533a12" PRIMARY KEY ("audit_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_client_addresses_recorded_at" ON "audit_client_addresses" ("recorded_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_client_addresses" ADD CONSTRAINT "FK_7a224f1529f756527fc1e533a12" FOREIGN KEY ("audit_id") REFERENCES "audit_log"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_client_addresses" ("audit_id", "client_address", "recorded_at")
       SELECT "id", "client_address", "at" FROM "audit_log" WHERE "client_address" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "client_address"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "client_address" text`);
    // Putting the addresses back rewrites rows of the log: only the owner, going back a version, may switch
    // its row trigger off for that, in this transaction.
    await queryRunner.query(`ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_no_change"`);
    await queryRunner.query(
      `UPDATE "audit_log" a SET "client_address" = c."client_address"
       FROM "audit_client_addresses" c WHERE c."audit_id" = a."id"`,
    );
    await queryRunner.query(`ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_no_change"`);
    await queryRunner.query(`DROP TABLE "audit_client_addresses"`);
  }
}
