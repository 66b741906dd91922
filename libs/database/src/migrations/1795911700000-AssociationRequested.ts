import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When Leerroutes first asked a host's own system for an association: from then on the host may hold one whose
 * answer never arrived, and a withdrawal must find it there to cancel it.
 */
export class AssociationRequested1795911700000 implements MigrationInterface {
  name = 'AssociationRequested1795911700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "components" ADD "association_requested_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "components" DROP COLUMN "association_requested_at"`);
  }
}
