import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Responsibility for a model version, traceable: who built it (the bureau or a contracted vendor)
 * and the sign-offs oversight approved it with; colour policies keep theirs too.
 */
export class RecordBuildersAndApprovers1764200000001 implements MigrationInterface {
  name = 'RecordBuildersAndApprovers1764200000001';

  async up(q: QueryRunner): Promise<void> {
    // Versions trained before builders were recorded were trained in-house.
    await q.query(`ALTER TABLE scoring.model_versions
      ADD COLUMN built_by_kind text NOT NULL DEFAULT 'bureau' CHECK (built_by_kind IN ('bureau', 'vendor')),
      ADD COLUMN built_by_name text NOT NULL DEFAULT 'bureau' CHECK (built_by_name <> ''),
      ADD COLUMN approved_by jsonb`);
    await q.query(`ALTER TABLE scoring.colour_policies ADD COLUMN approved_by jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.colour_policies DROP COLUMN approved_by`);
    await q.query(`ALTER TABLE scoring.model_versions DROP COLUMN approved_by, DROP COLUMN built_by_name, DROP COLUMN built_by_kind`);
  }
}
