import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ScoringSubjects, type ApprovalGranted, type ColourPolicyEvent } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import { validateColourPolicy, type ColourPolicy } from '@tianping/risk-model';
import { grantProblem } from '../approvals/approval-grant.util';
import { SCORING_SCHEMA } from '../database/scoring.data-source';
import { ColourPolicyRepository, type ColourCounts, type ColourPolicyRow } from './colour-policy.repository';

/** A change the policy lifecycle does not allow (e.g. activating a proposal oversight has not approved). */
export class ColourPolicyStateError extends Error {}

/**
 * Versioned colour thresholds, separate from the model: a new policy never retrains, and a new model
 * never changes the policy. A policy is proposed, approved in oversight (a legal sign-off by someone
 * other than its proposer), then activated by an operator; each change is published and logged.
 */
@Injectable()
export class ColourPolicyService {
  /** A version's thresholds never change (new thresholds are a new version), so each is read once. */
  private readonly byVersionCache = new Map<string, ColourPolicy>();

  constructor(private readonly policies: ColourPolicyRepository) {}

  async active(): Promise<ColourPolicy> {
    const row = await this.policies.active();
    if (!row) throw new Error('no active colour policy');
    return { version: row.version, thresholds: { yellow: row.yellow, red: row.red } };
  }

  async byVersion(version: string): Promise<ColourPolicy> {
    const cached = this.byVersionCache.get(version);
    if (cached) return cached;
    const row = await this.policies.thresholds(version);
    if (!row) throw new ColourPolicyStateError(`no colour policy ${version}`);
    const policy = { version: row.version, thresholds: { yellow: row.yellow, red: row.red } };
    this.byVersionCache.set(version, policy);
    return policy;
  }

  /**
   * How the current scores (one per enterprise) fall under these thresholds: what a policy would
   * change, for the person who signs it off. Probabilities are the model's, so no score is recomputed.
   */
  colourCounts(policy: ColourPolicy): Promise<ColourCounts> {
    return this.policies.colourCounts(policy.thresholds.yellow, policy.thresholds.red);
  }

  /**
   * What thresholds would do before anyone proposes them: the current scores coloured under them and
   * under the active policy. Nothing is written; thresholds a proposal would refuse are refused here.
   */
  async preview(thresholds: { yellow: number; red: number }) {
    validateColourPolicy({ version: 'preview', thresholds });
    const active = await this.active();
    const [counts, activeCounts] = await Promise.all([this.colourCounts({ version: 'preview', thresholds }), this.colourCounts(active)]);
    return { thresholds, counts, active: { version: active.version, thresholds: active.thresholds, counts: activeCounts } };
  }

  list(): Promise<ColourPolicyRow[]> {
    return this.policies.list();
  }

  /** Proposes new thresholds as a new version; it scores nothing until approved and activated. */
  async propose(thresholds: { yellow: number; red: number }, actor: string): Promise<ColourPolicy> {
    if (!actor.trim()) throw new ColourPolicyStateError('a colour policy proposal needs the name of who made it');
    return this.policies.transaction(async (m) => {
      await this.policies.lock(m);
      const policy = validateColourPolicy({ version: `cp-${(await this.policies.count(m)) + 1}`, thresholds });
      await this.policies.insertProposal(m, { version: policy.version, ...thresholds }, actor);
      await publish(m, { version: policy.version, thresholds, state: 'proposed', actor, at: new Date().toISOString() });
      return policy;
    });
  }

  /** Applies oversight's grant to a proposal, checked again here; a redelivered grant changes nothing. */
  async approve(grant: ApprovalGranted): Promise<'approved' | 'already-approved'> {
    return this.policies.transaction(async (m) => {
      const row = await this.policies.find(m, grant.subjectRef, { forUpdate: true });
      if (!row) throw new ColourPolicyStateError(`no colour policy ${grant.subjectRef}`);
      if (row.approved_by) return 'already-approved';
      if (row.state !== 'proposed') throw new ColourPolicyStateError(`colour policy ${row.version} is ${row.state}, not a proposal`);
      const problem = grantProblem(grant, row.created_by);
      if (problem) throw new ColourPolicyStateError(`refusing the approval of ${row.version}: ${problem}`);
      const actor = grant.approvedBy.map((a) => `${a.actor} (${a.role})`).join(', ');
      await this.policies.markApproved(m, row.version, actor, grant.approvedBy);
      await publish(m, {
        version: row.version,
        thresholds: { yellow: row.yellow, red: row.red },
        state: 'approved',
        actor,
        approvedBy: grant.approvedBy,
        at: new Date().toISOString(),
      });
      return 'approved';
    });
  }

  /** Makes an approved policy the one that colours scores; the previous active policy is retired. */
  async activate(version: string, actor: string): Promise<ColourPolicy> {
    if (!actor.trim()) throw new ColourPolicyStateError('activating a colour policy needs the name of who did it');
    return this.policies.transaction(async (m) => {
      await this.policies.lock(m);
      const row = await this.policies.find(m, version);
      if (!row) throw new ColourPolicyStateError(`no colour policy ${version}`);
      if (row.state !== 'approved') throw new ColourPolicyStateError(`colour policy ${version} is ${row.state}; only an approved policy can become active`);
      const retired = await this.policies.makeActive(m, version, actor);
      const at = new Date().toISOString();
      for (const r of retired) await publish(m, { version: r.version, thresholds: { yellow: r.yellow, red: r.red }, state: 'retired', actor, at });
      const thresholds = { yellow: row.yellow, red: row.red };
      await publish(m, { version, thresholds, state: 'active', actor, at });
      return { version, thresholds };
    });
  }
}

/** Every change is published through the outbox in the same transaction as the change itself. */
function publish(m: EntityManager, event: ColourPolicyEvent): Promise<void> {
  return enqueueEvent(m, SCORING_SCHEMA, ScoringSubjects.colourPolicyChanged, event);
}
