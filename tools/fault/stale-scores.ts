import type { FactorSpec, FactorValue } from '@tianping/risk-model';
import { createScoringDataSource } from '../../apps/scoring/src/database/scoring.data-source';
import { EnterpriseFeaturesRepository } from '../../apps/scoring/src/features/enterprise-features.repository';
import { chinaDay } from '@tianping/common';

/** Factors that read the whole city (industry fail rates), not only the enterprise's own records. */
const CITY_WIDE_EXTRACTORS = new Set(['inspectionFailRate']);

export interface StaleFigures {
  /** Live enterprises whose current score was computed from other records than they have now. */
  stale: number;
  /** Live enterprises with no score at all. */
  unscored: number;
  examples: string[];
}

/**
 * Whether re-scoring on change missed anything: each live enterprise's own factors, computed now,
 * must equal the values its current score was computed from. (City-wide factors move with every
 * enterprise's records and are left out: an enterprise is re-scored when its own records change.)
 */
export async function staleScores(databaseUrl: string): Promise<StaleFigures> {
  const dataSource = createScoringDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    const [active] = await dataSource.query(`SELECT spec FROM scoring.model_versions WHERE state = 'active'`);
    if (!active) return { stale: 0, unscored: 0, examples: ['no active model'] };
    const spec = active.spec as FactorSpec;
    const cityWide = (i: number) => {
      const source = spec.factors[i].source;
      return source.from === 'enterprise' && CITY_WIDE_EXTRACTORS.has(source.extractor);
    };
    const compared = spec.factors.map((f, i) => ({ name: f.name, i })).filter(({ i }) => !cityWide(i));
    const current = new Map<string, { asOf: string; values: FactorValue[] }>();
    for (const row of await dataSource.query(
      `SELECT c.credit_code, to_char(h.as_of, 'YYYY-MM-DD') AS as_of, h.factor_values FROM scoring.current_scores c JOIN scoring.score_history h ON h.id = c.score_id`,
    )) {
      current.set(row.credit_code, { asOf: row.as_of, values: row.factor_values });
    }
    const features = new EnterpriseFeaturesRepository(dataSource);
    const asOf = chinaDay();
    const context = await features.industryContext(asOf);
    const figures: StaleFigures = { stale: 0, unscored: 0, examples: [] };
    for await (const chunk of features.factorChunks(asOf, spec, context, { chunkSize: 5000 })) {
      chunk.creditCodes.forEach((code, k) => {
        const score = current.get(code);
        if (!score) {
          figures.unscored++;
          if (figures.examples.length < 5) figures.examples.push(`${code}: no score`);
          return;
        }
        const changed = compared.filter(({ i }) => JSON.stringify(chunk.factors[i][k] ?? null) !== JSON.stringify(score.values[i] ?? null));
        if (changed.length === 0 || score.asOf !== asOf) return;
        figures.stale++;
        if (figures.examples.length < 5)
          figures.examples.push(
            `${code}: ${changed.map((c) => `${c.name} ${JSON.stringify(score.values[c.i])} → ${JSON.stringify(chunk.factors[c.i][k])}`).join(', ')}`,
          );
      });
    }
    return figures;
  } finally {
    await dataSource.destroy();
  }
}
