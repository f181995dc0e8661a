import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A run takes the ids of its score-history rows before it writes them (the current scores name them).
 * One nextval per row cost a full run 3 s of round trips and sequence updates; with the sequence
 * stepping by 1,024, each nextval reserves a block of that many ids, and a chunk of 25,000
 * rows takes 25 blocks. Rows inserted one at a time by default use one id of a block and skip the rest.
 */
export class HandOutScoreIdsInBlocks1765100000000 implements MigrationInterface {
  name = 'HandOutScoreIdsInBlocks1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER SEQUENCE scoring.score_history_id_seq INCREMENT BY 1024`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER SEQUENCE scoring.score_history_id_seq INCREMENT BY 1`);
  }
}
