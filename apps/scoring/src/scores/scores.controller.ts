import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { COLOURS } from '@tianping/risk-model';
import { ColourPolicyService } from '../colour/colour-policy.service';
import { ModelRegistryRepository } from '../models/model-registry.repository';
import { ModelRegistryService } from '../models/model-registry.service';
import { CreditCodeParam, parseRiskCursor, riskCursor, ScoreListQuery } from './dtos/score-query.dto';
import { explainStored, scoreIdOf, suggestionFigures, toScoreRecord } from './score-record.mapper';
import { ScoresRepository } from './scores.repository';

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
