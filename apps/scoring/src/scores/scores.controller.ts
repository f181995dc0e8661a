import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { CreditCodeParam } from '@tianping/common';
import type { Colour } from '@tianping/contracts';
import { COLOURS } from '@tianping/risk-model';
import { ColourPolicyService } from '../colour/colour-policy.service';
import { ModelRegistryRepository } from '../models/model-registry.repository';
import { ModelRegistryService } from '../models/model-registry.service';
import { parseRiskCursor, riskCursor, ScoreHistoryQuery, ScoreListQuery } from './dtos/score-query.dto';
import { scorePeriods, type HistoryScore } from './score-periods.util';
import { explainStored, scoreIdOf, suggestionFigures, toScoreRecord } from './score-record.mapper';
import { ScoresRepository } from './scores.repository';

/** Scores read for a history: about a year of daily runs. */
const HISTORY_READ = 400;

@Controller('api')
export class ScoresController {
  constructor(
    private readonly scores: ScoresRepository,
    private readonly registry: ModelRegistryService,
    private readonly models: ModelRegistryRepository,
    private readonly policies: ColourPolicyService,
  ) {}

  /**
   * An enterprise's current score, explained in Chinese and English, with what it could change: each
   * suggestion also as the bare step and the probability after it, so the page words both figures alike.
   */
  @Get('scores/:creditCode')
  async score(@Param() params: CreditCodeParam) {
    const stored = await this.scores.current(params.creditCode);
    if (!stored) throw new NotFoundException(`no score for ${params.creditCode}`);
    const model = await this.registry.model(stored.model_version);
    const policy = await this.policies.byVersion(stored.policy_version);
    const [explanation] = explainStored(model, policy, [stored]);
    const record = toScoreRecord(model, stored, explanation);
    return {
      ...record,
      suggestions: suggestionFigures(record, explanation),
      colourThresholds: policy.thresholds,
      factors: explanation.factors.map((f, i) => ({ ...record.contributions[i], label: f.label })),
    };
  }

  /**
   * How an enterprise's score came to be what it is: its latest scores (at most HISTORY_READ) as stretches of
   * the same score, newest first, each with what moved from the stretch before. `complete` is false when
   * older scores were not read.
   */
  @Get('scores/:creditCode/history')
  async history(@Param() params: CreditCodeParam, @Query() query: ScoreHistoryQuery) {
    const stored = await this.scores.history(params.creditCode, HISTORY_READ);
    if (stored.length === 0) throw new NotFoundException(`no score for ${params.creditCode}`);
    const scores: HistoryScore[] = [];
    for (const s of stored) {
      const model = await this.registry.model(s.model_version);
      scores.push({
        scoreId: scoreIdOf(s.id),
        asOf: s.as_of,
        probability: s.probability,
        colour: COLOURS[s.colour] as Colour,
        modelVersion: s.model_version,
        colourPolicyVersion: s.policy_version,
        factors: model.spec.factors.map((f, i) => ({ factor: f.name, value: s.factor_values[i] ?? null, contribution: s.contributions[i] })),
      });
    }
    const periods = scorePeriods(scores);
    const limit = query.limit ?? 12;
    return { creditCode: params.creditCode, periods: periods.slice(0, limit), more: periods.length > limit, complete: stored.length < HISTORY_READ };
  }

  /**
   * Current scores, a page at a time. `order=risk` lists the highest probability first (ties by credit
   * code); `next` is the `after` of the following page in either order, null on the last.
   */
  @Get('scores')
  async list(@Query() query: ScoreListQuery) {
    const limit = query.limit ?? 100;
    const risk = query.order === 'risk' ? { after: query.after ? (parseRiskCursor(query.after) ?? undefined) : undefined } : undefined;
    const rows = await this.scores.list({
      colour: query.colour ? COLOURS.indexOf(query.colour) : undefined,
      region: query.region,
      industry: query.industry,
      codes: query.codes,
      after: risk ? undefined : query.after,
      risk,
      limit,
    });
    const last = rows.length === limit ? rows[rows.length - 1] : undefined;
    return {
      scores: rows.map((r) => ({
        creditCode: r.credit_code,
        scoreId: scoreIdOf(r.id),
        asOf: r.as_of,
        probability: r.probability,
        colour: COLOURS[r.colour],
        modelVersion: r.model_version,
        colourPolicyVersion: r.policy_version,
        regionCode: r.region_code,
        industryCode: r.industry_code,
      })),
      next: last ? (risk ? riskCursor(last.probability, last.credit_code) : last.credit_code) : null,
    };
  }

  @Get('scoring/summary')
  async summary() {
    const [{ byColour, lastRun }, active, policy] = await Promise.all([this.scores.summary(), this.models.activeVersion(), this.policies.active()]);
    const counts = { green: 0, yellow: 0, red: 0 };
    for (const row of byColour) counts[COLOURS[row.colour]] = row.n;
    return { byColour: counts, activeModel: active, colourPolicy: policy, lastRun, pendingPublications: await this.scores.pendingPublications() };
  }
}
