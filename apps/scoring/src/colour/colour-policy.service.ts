import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScoringSubjects, type ApprovalGranted, type Approver, type ColourPolicyEvent } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import { validateColourPolicy, type ColourPolicy } from '@tianping/risk-model';
import { grantProblem } from '../approvals/approval-grant.util';
import { SCORING_SCHEMA } from '../database/scoring.data-source';

export interface ColourPolicyRow {
  version: string;
  yellow: number;
  red: number;
  state: ColourPolicyEvent['state'];
  created_by: string;
  created_at: Date;
  state_changed_by: string;
  state_changed_at: Date;
  approved_by: Approver[] | null;
}

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

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async active(): Promise<ColourPolicy> {
    const [row] = await this.dataSource.query(`SELECT version, yellow, red FROM scoring.colour_policies WHERE state = 'active'`);
    if (!row) throw new Error('no active colour policy');
    return { version: row.version, thresholds: { yellow: row.yellow, red: row.red } };
  }

  async byVersion(version: string): Promise<ColourPolicy> {
    const cached = this.byVersionCache.get(version);
    if (cached) return cached;
    const [row] = await this.dataSource.query(`SELECT version, yellow, red FROM scoring.colour_policies WHERE version = $1`, [version]);
    if (!row) throw new ColourPolicyStateError(`no colour policy ${version}`);
    const policy = { version: row.version, thresholds: { yellow: row.yellow, red: row.red } };
    this.byVersionCache.set(version, policy);
    return policy;
  }

  /**
   * How the current scores (one per enterprise) fall under these thresholds: what a policy would
   * change, for the person who signs it off. Probabilities are the model's, so no score is recomputed.
   */
  async colourCounts(policy: ColourPolicy): Promise<{ total: number; green: number; yellow: number; red: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE probability >= $2)::int AS red,
              count(*) FILTER (WHERE probability >= $1 AND probability < $2)::int AS yellow
         FROM scoring.current_scores`,
      [policy.thresholds.yellow, policy.thresholds.red],
    );
    return { total: row.total, green: row.total - row.yellow - row.red, yellow: row.yellow, red: row.red };
  }

  list(): Promise<ColourPolicyRow[]> {
    return this.dataSource.query(`SELECT * FROM scoring.colour_policies ORDER BY created_at DESC, version`);
  }

  /** Proposes new thresholds as a new version; it scores nothing until approved and activated. */
  async propose(thresholds: { yellow: number; red: number }, actor: string): Promise<ColourPolicy> {
    if (!actor.trim()) throw new ColourPolicyStateError('a colour policy proposal needs the name of who made it');
    return this.dataSource.transaction(async (m) => {
      await m.query(`LOCK TABLE scoring.colour_policies IN EXCLUSIVE MODE`);
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM scoring.colour_policies`);
      const policy = validateColourPolicy({ version: `cp-${n + 1}`, thresholds });
      await m.query(`INSERT INTO scoring.colour_policies (version, yellow, red, state, created_by, state_changed_by) VALUES ($1, $2, $3, 'proposed', $4, $4)`, [
        policy.version,
        thresholds.yellow,
        thresholds.red,
        actor,
      ]);
      await enqueueEvent(m, SCORING_SCHEMA, ScoringSubjects.colourPolicyChanged, {
        version: policy.version,
        thresholds,
        state: 'proposed',
        actor,
        at: new Date().toISOString(),
      } satisfies ColourPolicyEvent);
      return policy;
    });
  }

  /** Applies oversight's grant to a proposal, checked again here; a redelivered grant changes nothing. */
  async approve(grant: ApprovalGranted): Promise<'approved' | 'already-approved'> {
    return this.dataSource.transaction(async (m) => {
      const [row]: ColourPolicyRow[] = await m.query(`SELECT * FROM scoring.colour_policies WHERE version = $1 FOR UPDATE`, [grant.subjectRef]);
      if (!row) throw new ColourPolicyStateError(`no colour policy ${grant.subjectRef}`);
      if (row.approved_by) return 'already-approved';
      if (row.state !== 'proposed') throw new ColourPolicyStateError(`colour policy ${row.version} is ${row.state}, not a proposal`);
      const problem = grantProblem(grant, row.created_by);
      if (problem) throw new ColourPolicyStateError(`refusing the approval of ${row.version}: ${problem}`);
      const actor = grant.approvedBy.map((a) => `${a.actor} (${a.role})`).join(', ');
      await m.query(
        `UPDATE scoring.colour_policies SET state = 'approved', state_changed_by = $2, state_changed_at = now(), approved_by = $3 WHERE version = $1`,
        [row.version, actor, JSON.stringify(grant.approvedBy)],
      );
      await enqueueEvent(m, SCORING_SCHEMA, ScoringSubjects.colourPolicyChanged, {
        version: row.version,
        thresholds: { yellow: row.yellow, red: row.red },
        state: 'approved',
        actor,
        approvedBy: grant.approvedBy,
        at: new Date().toISOString(),
      } satisfies ColourPolicyEvent);
      return 'approved';
    });
  }

  /** Makes an approved policy the one that colours scores; the previous active policy is retired. */
  async activate(version: string, actor: string): Promise<ColourPolicy> {
    if (!actor.trim()) throw new ColourPolicyStateError('activating a colour policy needs the name of who did it');
    return this.dataSource.transaction(async (m) => {
      await m.query(`LOCK TABLE scoring.colour_policies IN EXCLUSIVE MODE`);
      const [row]: ColourPolicyRow[] = await m.query(`SELECT * FROM scoring.colour_policies WHERE version = $1`, [version]);
      if (!row) throw new ColourPolicyStateError(`no colour policy ${version}`);
      if (row.state !== 'approved') throw new ColourPolicyStateError(`colour policy ${version} is ${row.state}; only an approved policy can become active`);
      const retired: { version: string; yellow: number; red: number }[] = await m.query(
        `UPDATE scoring.colour_policies SET state = 'retired', state_changed_by = $1, state_changed_at = now() WHERE state = 'active' RETURNING version, yellow, red`,
        [actor],
      );
      await m.query(`UPDATE scoring.colour_policies SET state = 'active', state_changed_by = $2, state_changed_at = now() WHERE version = $1`, [
        version,
        actor,
      ]);
      const at = new Date().toISOString();
      for (const r of retired) {
        await enqueueEvent(m, SCORING_SCHEMA, ScoringSubjects.colourPolicyChanged, {
          version: r.version,
          thresholds: { yellow: r.yellow, red: r.red },
          state: 'retired',
          actor,
          at,
        } satisfies ColourPolicyEvent);
      }
      const thresholds = { yellow: row.yellow, red: row.red };
      await enqueueEvent(m, SCORING_SCHEMA, ScoringSubjects.colourPolicyChanged, {
        version,
        thresholds,
        state: 'active',
        actor,
        at,
      } satisfies ColourPolicyEvent);
      return { version, thresholds };
    });
  }
}
