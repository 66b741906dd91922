import { MigrationInterface, QueryRunner } from 'typeorm';

export class ComponentDelivery1795897027016 implements MigrationInterface {
  name = 'ComponentDelivery1795897027016';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "components" ADD "delivery_failed_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "components" DROP COLUMN "delivery_failed_at"`);
  }
}
