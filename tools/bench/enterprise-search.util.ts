import type { DataSource } from 'typeorm';
import type { EnterpriseRepository } from '../../apps/intake/src/enterprise/enterprise.repository';

const RUNS = 5;

/**
 * Intake's enterprise search (`GET /api/enterprises?q=`) timed on the loaded city, one query of each
 * kind a reader types: fragments of the name of the subject in the middle of the code order
 * (generated names read 佛山市禅城区锦顺五金制品有限公司: district, trade name, industry, form), common
 * words, a district, fragments no name holds, a code and part of one. The median of five runs after a warm-up, in milliseconds.
 */
export async function searchLatency(dataSource: DataSource, enterprises: EnterpriseRepository): Promise<Record<string, unknown>> {
  // Fresh statistics, as autovacuum would give a table this size soon after loading: the plans depend on them.
  await dataSource.query(`ANALYZE intake.subjects`);
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM intake.subjects`);
  const [middle]: { name: string; code: string }[] = await dataSource.query(
    `SELECT name, credit_code AS code FROM intake.subjects ORDER BY credit_code OFFSET $1 LIMIT 1`,
    [Math.floor(count / 2)],
  );
  if (!middle) return {};
  const tradeName = middle.name.slice(middle.name.indexOf('区') + 1);
  const queries: Record<string, string> = {
    tradeNameAndIndustry: tradeName.slice(0, 4),
    tradeName: tradeName.slice(0, 2),
    oneCharacter: tradeName.slice(1, 2),
    commonTwoCharacters: '餐饮',
    commonFourCharacters: '有限公司',
    // A tenth of the names, all late in code order (4406080…): the key walk that serves common words reads most of the table first.
    district: '高明区',
    noMatchTwoCharacters: '无此',
    noMatchSixCharacters: '不存在的名字',
    creditCode: middle.code,
    partOfCreditCode: middle.code.slice(8, 16),
  };
  const figures: Record<string, { q: string; found: number; medianMs: number }> = {};
  for (const [kind, q] of Object.entries(queries)) {
    let found = (await enterprises.search(q, 50)).length;
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      found = (await enterprises.search(q, 50)).length;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    figures[kind] = { q, found, medianMs: Math.round(times[RUNS >> 1] * 10) / 10 };
  }
  return figures;
}
