import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScoringSubjects, type ColourPolicyEvent } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import { validateColourPolicy, type ColourPolicy } from '@tianping/risk-model';
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
}

/**
 * Versioned colour thresholds, separate from the model: a new policy never retrains, and a new model
 * never changes the policy. Until oversight approves policies over NATS, the operator's command
 * stands in, and the change is published and logged like any other.
 */
@Injectable()
export class ColourPolicyService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async active(): Promise<ColourPolicy> {
    const [row] = await this.dataSource.query(`SELECT version, yellow, red FROM scoring.colour_policies WHERE state = 'active'`);
    if (!row) throw new Error('no active colour policy');
    return { version: row.version, thresholds: { yellow: row.yellow, red: row.red } };
  }

  async byVersion(version: string): Promise<ColourPolicy> {
    const [row] = await this.dataSource.query(`SELECT version, yellow, red FROM scoring.colour_policies WHERE version = $1`, [version]);
    if (!row) throw new Error(`no colour policy ${version}`);
    return { version: row.version, thresholds: { yellow: row.yellow, red: row.red } };
  }

  list(): Promise<ColourPolicyRow[]> {
    return this.dataSource.query(`SELECT * FROM scoring.colour_policies ORDER BY created_at DESC, version`);
  }

  /** Activates new thresholds as a new version; the previous active policy is retired. */
  async set(thresholds: { yellow: number; red: number }, actor: string): Promise<ColourPolicy> {
    if (!actor.trim()) throw new Error('a colour policy change needs the name of who made it');
    return this.dataSource.transaction(async (m) => {
      await m.query(`LOCK TABLE scoring.colour_policies IN EXCLUSIVE MODE`);
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM scoring.colour_policies`);
      const policy = validateColourPolicy({ version: `cp-${n + 1}`, thresholds });
      const retired: { version: string; yellow: number; red: number }[] = await m.query(
        `WITH r AS (UPDATE scoring.colour_policies SET state = 'retired', state_changed_by = $1, state_changed_at = now() WHERE state = 'active'
           RETURNING version, yellow, red) SELECT * FROM r`,
        [actor],
      );
      await m.query(
        `INSERT INTO scoring.colour_policies (version, yellow, red, state, created_by, state_changed_by) VALUES ($1, $2, $3, 'active', $4, $4)`,
        [policy.version, thresholds.yellow, thresholds.red, actor],
      );
      const at = new Date().toISOString();
      for (const r of retired) {
        await enqueueEvent(m, SCORING_SCHEMA, ScoringSubjects.colourPolicyChanged, { version: r.version, thresholds: { yellow: r.yellow, red: r.red }, state: 'retired', actor, at } satisfies ColourPolicyEvent);
      }
      await enqueueEvent(m, SCORING_SCHEMA, ScoringSubjects.colourPolicyChanged, { version: policy.version, thresholds, state: 'active', actor, at } satisfies ColourPolicyEvent);
      return policy;
    });
  }
}
