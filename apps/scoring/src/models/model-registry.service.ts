import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ScoringSubjects, type ApprovalGranted, type Approver, type ModelBuilder, type ModelVersionEvent } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import { modelFromJson, modelToJson, type GamModel } from '@tianping/risk-model';
import { grantProblem } from '../approvals/approval-grant.util';
import { SCORING_SCHEMA } from '../database/scoring.data-source';
import { ModelRegistryRepository, type ModelState, type ModelVersionRow } from './model-registry.repository';

/** A state change the lifecycle does not allow (e.g. activating a draft). */
export class ModelStateError extends Error {}

/** An operator's change: approval is not one of them, oversight grants it (see `approve`). */
export type OperatorChange = 'active' | 'retired';

/** Which states each change may start from: only an approved version becomes active. */
const ALLOWED_FROM: Record<OperatorChange, ModelState[]> = {
  active: ['approved'],
  retired: ['draft', 'approved', 'active'],
};

/** Models the bureau trains itself, unless a contracted vendor is named. */
export const BUREAU_BUILDER: ModelBuilder = { kind: 'bureau', name: 'bureau' };

/** What `approve` did with a grant: a redelivered or stale grant changes nothing. */
export type ApprovalOutcome = 'approved' | 'already-approved' | 'retired-before-approval';

/** Figures for the registry; a validation figure the split could not measure (one outcome only) is left out. */
export function modelMetrics(model: GamModel): Record<string, number> {
  const v = model.training.validation;
  const figures: Record<string, number | null> = {
    trainRows: model.training.rows,
    trainPositives: model.training.positives,
    validationRows: v.rows,
    factors: model.spec.factors.length,
    validationAuc: v.auc,
    validationLogLoss: v.logLoss,
    validationEce: v.ece,
    seed: model.training.seed,
  };
  return Object.fromEntries(Object.entries(figures).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}

/**
 * The registry's lifecycle: draft → approved → active → retired. Approval is oversight's act, received
 * as its grant (technical and legal sign-off by two people other than the trainer); activation and
 * retirement are an operator's. Every change is one transaction: the row, its event log entry and
 * the published event.
 */
@Injectable()
export class ModelRegistryService {
  private readonly cache = new Map<string, GamModel>();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly repository: ModelRegistryRepository,
  ) {}

  async register(model: GamModel, createdBy: string, builtBy: ModelBuilder = BUREAU_BUILDER): Promise<void> {
    if (!builtBy.name.trim()) throw new ModelStateError('a model version needs the name of who built it');
    await this.dataSource.transaction(async (m) => {
      const fresh = await this.repository.insert(m, {
        version: model.version,
        spec_id: model.spec.id,
        spec: model.spec,
        state: 'draft',
        training_from: model.training.from,
        training_to: model.training.to,
        data_fingerprint: model.training.dataFingerprint,
        metrics: modelMetrics(model),
        model: modelToJson(model),
        created_by: createdBy,
        built_by_kind: builtBy.kind,
        built_by_name: builtBy.name.trim(),
      });
      // The same data and seed give the same version: training it again registers nothing new.
      if (!fresh) return;
      await this.repository.logEvent(m, model.version, null, 'draft', createdBy, 'trained');
      const row = (await this.repository.lock(m, model.version))!;
      await enqueueEvent(m, SCORING_SCHEMA, ScoringSubjects.modelRegistered, versionEvent(row, 'draft', createdBy, 'trained'));
    });
  }

  /**
   * Applies oversight's grant: a draft becomes approved, with its approvers recorded. The grant is
   * checked again here (four eyes, both roles), so a forged or mistaken message cannot approve.
   */
  async approve(grant: ApprovalGranted): Promise<ApprovalOutcome> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.repository.lock(m, grant.subjectRef);
      if (!row) throw new ModelStateError(`no model version ${grant.subjectRef}`);
      if (row.approved_by) return 'already-approved';
      if (row.state === 'retired') return 'retired-before-approval';
      if (row.state !== 'draft') throw new ModelStateError(`model ${row.version} is ${row.state} without approvers`);
      const problem = grantProblem(grant, row.created_by);
      if (problem) throw new ModelStateError(`refusing the approval of ${row.version}: ${problem}`);
      const actor = grant.approvedBy.map((a) => `${a.actor} (${a.role})`).join(', ');
      const reason = `approved in oversight, record entry ${grant.auditSeq}`;
      await this.repository.setApprovers(m, row.version, grant.approvedBy);
      await this.move(m, row, 'approved', actor, reason, grant.approvedBy);
      return 'approved';
    });
  }

  async changeState(version: string, to: OperatorChange, actor: string, reason: string | null = null): Promise<ModelVersionRow> {
    if (!actor.trim()) throw new ModelStateError('a state change needs the name of who made it');
    return this.dataSource.transaction(async (m) => {
      const row = await this.repository.lock(m, version);
      if (!row) throw new ModelStateError(`no model version ${version}`);
      if (!ALLOWED_FROM[to].includes(row.state))
        throw new ModelStateError(`model ${version} is ${row.state}; only ${ALLOWED_FROM[to].join(' or ')} can become ${to}`);
      if (to === 'active') {
        await this.refuseUnvalidated(version);
        await this.retireActive(m, actor, `replaced by ${version}`);
      }
      await this.move(m, row, to, actor, reason);
      return (await this.repository.lock(m, version))!;
    });
  }

  /** A model whose validation split held one outcome was never checked nor calibrated: its probabilities would be shown unmeasured. */
  private async refuseUnvalidated(version: string): Promise<void> {
    const unusable = (await this.model(version)).training.validation.unusable;
    if (unusable)
      throw new ModelStateError(
        `model ${version} cannot become active: it was never validated, as ${unusable}; train it again on a period whose last months hold inspections of both outcomes`,
      );
  }

  private async retireActive(m: EntityManager, actor: string, reason: string): Promise<void> {
    const active = await this.repository.activeVersion(m);
    if (!active) return;
    await this.move(m, (await this.repository.lock(m, active))!, 'retired', actor, reason);
  }

  private async move(m: EntityManager, row: ModelVersionRow, to: ModelState, actor: string, reason: string | null, approvedBy?: Approver[]): Promise<void> {
    await this.repository.setState(m, row.version, to, actor, reason);
    await this.repository.logEvent(m, row.version, row.state, to, actor, reason);
    await enqueueEvent(m, SCORING_SCHEMA, ScoringSubjects.modelStateChanged, {
      ...versionEvent(row, to, actor, reason),
      ...(approvedBy ? { approvedBy } : {}),
    });
  }

  async activeModel(): Promise<GamModel | null> {
    const version = await this.repository.activeVersion();
    return version ? this.model(version) : null;
  }

  /** A stored model by version; versions are immutable, so they are cached. */
  async model(version: string): Promise<GamModel> {
    const cached = this.cache.get(version);
    if (cached) return cached;
    const json = await this.repository.modelJson(version);
    if (!json) throw new ModelStateError(`no model version ${version}`);
    const model = modelFromJson(json);
    this.cache.set(version, model);
    return model;
  }
}

function versionEvent(row: ModelVersionRow, state: ModelState, actor: string, reason: string | null): ModelVersionEvent {
  return {
    modelVersion: row.version,
    state,
    actor,
    ...(reason ? { reason } : {}),
    builtBy: { kind: row.built_by_kind, name: row.built_by_name },
    specName: row.spec_id,
    trainingWindow: { from: row.training_from, to: row.training_to },
    dataFingerprint: row.data_fingerprint,
    metrics: row.metrics,
    at: new Date().toISOString(),
  };
}
