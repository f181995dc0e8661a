import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ColourPolicyService, ColourPolicyStateError } from '../colour/colour-policy.service';
import { ModelRegistryRepository, type ModelVersionRow } from './model-registry.repository';
import { ModelVersionParam } from './dtos/model-version.dto';
import { modelFactors } from './model-factors.util';

function toDto(row: ModelVersionRow) {
  return {
    version: row.version,
    specId: row.spec_id,
    state: row.state,
    trainingWindow: { from: row.training_from, to: row.training_to },
    dataFingerprint: row.data_fingerprint,
    metrics: row.metrics,
    createdBy: row.created_by,
    builtBy: { kind: row.built_by_kind, name: row.built_by_name },
    approvedBy: row.approved_by,
    createdAt: row.created_at,
    stateChangedBy: row.state_changed_by,
    stateChangedAt: row.state_changed_at,
    stateReason: row.state_reason,
  };
}

@Controller('api')
export class ModelsController {
  constructor(
    private readonly models: ModelRegistryRepository,
    private readonly policies: ColourPolicyService,
  ) {}

  @Get('models')
  async list() {
    return (await this.models.list()).map(toDto);
  }

  /** One version with its lifecycle log; the model itself (terms, bins) is for oversight's replay. */
  @Get('models/:version')
  async one(@Param() params: ModelVersionParam) {
    const row = await this.models.find(params.version);
    if (!row) throw new NotFoundException(`no model version ${params.version}`);
    const events = await this.models.events(params.version);
    return { ...toDto(row), events: events.map((e) => ({ from: e.from_state, to: e.to_state, actor: e.actor, reason: e.reason, at: e.at })) };
  }

  /**
   * What a version weighs and how far: each factor with its source, whether an enterprise can act on it,
   * its shape constraint, and the range of its contribution. The legal sign-off reviews these.
   */
  @Get('models/:version/factors')
  async factors(@Param() params: ModelVersionParam) {
    const json = await this.models.modelJson(params.version);
    if (!json) throw new NotFoundException(`no model version ${params.version}`);
    return modelFactors(json);
  }

  /** The current scores' colours under this policy beside those under the active one: what signing it off would change. */
  @Get('colour-policies/:version/impact')
  async colourPolicyImpact(@Param('version') version: string) {
    const policy = await this.policies.byVersion(version).catch((error: unknown) => {
      if (error instanceof ColourPolicyStateError) throw new NotFoundException(error.message);
      throw error;
    });
    const active = await this.policies.active();
    const [counts, activeCounts] = await Promise.all([this.policies.colourCounts(policy), this.policies.colourCounts(active)]);
    return {
      version: policy.version,
      thresholds: policy.thresholds,
      counts,
      active: { version: active.version, thresholds: active.thresholds, counts: activeCounts },
    };
  }

  @Get('colour-policies')
  async colourPolicies() {
    return (await this.policies.list()).map((p) => ({
      version: p.version,
      thresholds: { yellow: p.yellow, red: p.red },
      state: p.state,
      createdBy: p.created_by,
      createdAt: p.created_at,
      stateChangedBy: p.state_changed_by,
      stateChangedAt: p.state_changed_at,
      approvedBy: p.approved_by,
    }));
  }
}
