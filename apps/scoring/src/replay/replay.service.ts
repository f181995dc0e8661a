import { Injectable } from '@nestjs/common';
import type { ScoreRecord } from '@tianping/contracts';
import { ColourPolicyService } from '../colour/colour-policy.service';
import { ModelRegistryService } from '../models/model-registry.service';
import { replayScore, type ReplayResult } from './score-replay.util';

/**
 * Re-computes a logged score from its pinned model version and colour policy, both immutable once
 * stored, and the factor values it logged. The HTTP API and `tianping audit replay` share it.
 */
@Injectable()
export class ReplayService {
  constructor(
    private readonly registry: ModelRegistryService,
    private readonly policies: ColourPolicyService,
  ) {}

  async replay(logged: ScoreRecord): Promise<ReplayResult> {
    const model = await this.registry.model(logged.modelVersion);
    const policy = await this.policies.byVersion(logged.colourPolicyVersion);
    return replayScore(logged, model, policy);
  }
}
