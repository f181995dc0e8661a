import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finding an enterprise by part of its name (`name LIKE '%…%'`) read every subject: a rare fragment
 * took a whole scan of the table (0.3–0.4 s at a million). pg_trgm makes trigrams of Chinese text in
 * this database's locale (C.UTF-8), so a fragment of three or more characters is looked up in this index
 * (EnterpriseRepository.search); one of one or two characters has no trigram and is still a scan.
 * Built in about 10 s at a million subjects, 45 MB; writes are locked out meanwhile.
 */
export class IndexSubjectNamesForSearch1766200000000 implements MigrationInterface {
  name = 'IndexSubjectNamesForSearch1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX subjects_name_trgm ON intake.subjects USING gin (name gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX intake.subjects_name_trgm`);
  }
}
