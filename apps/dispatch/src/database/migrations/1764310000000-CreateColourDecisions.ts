import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateColourDecisions1764310000000 implements MigrationInterface {
  name = 'CreateColourDecisions1764310000000';

  async up(q: QueryRunner): Promise<void> {
    // Oversight's human decisions on scores: a red takes effect only once confirmed; an override replaces the colour.
    await q.query(`CREATE TABLE dispatch.colour_decisions (
      score_id text PRIMARY KEY,
      credit_code text NOT NULL,
      colour text NOT NULL CHECK (colour IN ('red', 'yellow', 'green')),
      decision text NOT NULL,
      at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.colour_decisions`);
  }
}
