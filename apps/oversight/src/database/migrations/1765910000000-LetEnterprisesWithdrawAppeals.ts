import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An enterprise may withdraw an appeal that is not decided yet: status `withdrawn` (closed, not
 * decided), with the enterprise's optional reason. The reason is its own words, kept here for it and
 * oversight; the record holds only its hash, as it does for the grounds.
 */
export class LetEnterprisesWithdrawAppeals1765910000000 implements MigrationInterface {
  name = 'LetEnterprisesWithdrawAppeals1765910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE oversight.appeals DROP CONSTRAINT appeals_status_check`);
    await q.query(`ALTER TABLE oversight.appeals ADD CONSTRAINT appeals_status_check
      CHECK (status IN ('filed', 'in-review', 'awaiting-rescore', 'decided', 'withdrawn'))`);
    await q.query(`ALTER TABLE oversight.appeals ADD COLUMN withdrawal_reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Fails while withdrawn appeals exist: no earlier status says what happened to them.
    await q.query(`ALTER TABLE oversight.appeals DROP CONSTRAINT appeals_status_check`);
    await q.query(`ALTER TABLE oversight.appeals ADD CONSTRAINT appeals_status_check CHECK (status IN ('filed', 'in-review', 'awaiting-rescore', 'decided'))`);
    await q.query(`ALTER TABLE oversight.appeals DROP COLUMN withdrawal_reason`);
  }
}
