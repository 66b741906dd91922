import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogue search by word prefixes instead of substrings. A full-text GIN index keeps statistics per word, so
 * the planner knows a rare word (a unit code) is rare and reads the index; the trigram index it replaces had
 * trigrams common to every code, and a one-match search scanned the table.
 */
export class CatalogueWordSearch1795910100000 implements MigrationInterface {
  name = 'CatalogueWordSearch1795910100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_offerings_search"`);
    await queryRunner.query(
      `CREATE INDEX "ix_offerings_search" ON "offerings" USING gin (to_tsvector('simple', title || ' ' || code || ' ' || description))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_offerings_search"`);
    await queryRunner.query(
      `CREATE INDEX "ix_offerings_search" ON "offerings" USING gin ((lower(title || ' ' || code || ' ' || description)) gin_trgm_ops)`,
    );
  }
}
