import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A score's factor values are written once and read back whole (to explain or replay it), never
 * queried inside. As json the server keeps the text it is sent after checking it; as jsonb it took
 * each value apart into its binary form: a third of a full run's history-writing time.
 */
export class StoreFactorValuesAsJson1765000000000 implements MigrationInterface {
  name = 'StoreFactorValuesAsJson1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.score_history ALTER COLUMN factor_values TYPE json USING factor_values::json`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.score_history ALTER COLUMN factor_values TYPE jsonb USING factor_values::jsonb`);
  }
}
