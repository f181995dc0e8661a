import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The colour policy that coloured the score under appeal: who had a part in it may not review the
 * appeal, even after a newer score under another policy has replaced it.
 */
export class AddAppealColourPolicy1764400000000 implements MigrationInterface {
  name = 'AddAppealColourPolicy1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE oversight.appeals ADD COLUMN colour_policy_version text`);
    // Existing appeals: the policy is in the record's entry of the appealed score, else in the score still current.
    await q.query(`UPDATE oversight.appeals a SET colour_policy_version = e.body_json::jsonb #>> '{data,score,colourPolicyVersion}'
                     FROM oversight.recorded_events r JOIN oversight.audit_entries e ON e.seq = r.seq
                    WHERE r.event_key = 'score:' || a.score_id`);
    await q.query(`UPDATE oversight.appeals a SET colour_policy_version = c.colour_policy_version
                     FROM oversight.current_scores c
                    WHERE c.score_id = a.score_id AND a.colour_policy_version IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE oversight.appeals DROP COLUMN colour_policy_version`);
  }
}
