import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every published visit gets a number people can read out and quote (检查编号), `TP-2026-000123`: the
 * year of the visit, then a count within that year. Its cases come back from intake numbered after it,
 * one per department (`TP-2026-000123-SAMR`), in the form of the platform's own case numbers, instead
 * of `TP-<uuid>-SAMR`. Visits already planned are numbered here in the order their plans were
 * published; cases recorded before keep the numbers they were given.
 */
export class NumberVisits1766560000000 implements MigrationInterface {
  name = 'NumberVisits1766560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dispatch.visit_numbers (year integer PRIMARY KEY, last integer NOT NULL CHECK (last >= 0))`);
    await q.query(`ALTER TABLE dispatch.visits ADD COLUMN visit_no text`);
    await q.query(`
      WITH numbered AS (
        SELECT v.id, extract(year FROM v.date)::int AS year,
               row_number() OVER (PARTITION BY extract(year FROM v.date)
                                  ORDER BY d.created_at, v.date, v.region_code, v.route_key, v.route_order, v.id) AS n
          FROM dispatch.visits v JOIN dispatch.draws d ON d.id = v.draw_id
      )
      UPDATE dispatch.visits v SET visit_no = 'TP-' || numbered.year || '-' || lpad(numbered.n::text, greatest(6, length(numbered.n::text)), '0')
        FROM numbered WHERE numbered.id = v.id`);
    await q.query(`
      INSERT INTO dispatch.visit_numbers (year, last)
      SELECT extract(year FROM date)::int, count(*) FROM dispatch.visits GROUP BY 1`);
    await q.query(`ALTER TABLE dispatch.visits ALTER COLUMN visit_no SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX visits_visit_no ON dispatch.visits (visit_no)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.visits DROP COLUMN visit_no`);
    await q.query(`DROP TABLE dispatch.visit_numbers`);
  }
}
