import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Announces new outbox rows on the channel 'outbox' when their transaction commits, so a relay can send them at
 * once instead of at its next poll. A statement trigger: one notice per insert statement, none for a rollback,
 * and no extra round trip for the application.
 */
export class OutboxNotify1795910200000 implements MigrationInterface {
  name = 'OutboxNotify1795910200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('outbox', '');
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER outbox_notify ON outbox`);
    await queryRunner.query(`DROP FUNCTION outbox_notify()`);
  }
}
