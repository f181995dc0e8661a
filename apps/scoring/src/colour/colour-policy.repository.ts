import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Approver, ColourPolicyEvent } from '@tianping/contracts';

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

export interface ColourCounts {
  total: number;
  green: number;
  yellow: number;
  red: number;
}

type Thresholds = Pick<ColourPolicyRow, 'version' | 'yellow' | 'red'>;

/** The colour policies (versioned thresholds) and their states; the lifecycle's rules are the service's. */
@Injectable()
export class ColourPolicyRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async active(): Promise<Thresholds | undefined> {
    const [row] = await this.dataSource.query(`SELECT version, yellow, red FROM scoring.colour_policies WHERE state = 'active'`);
    return row;
  }

  async thresholds(version: string): Promise<Thresholds | undefined> {
    const [row] = await this.dataSource.query(`SELECT version, yellow, red FROM scoring.colour_policies WHERE version = $1`, [version]);
    return row;
  }

  /** How the current scores (one per enterprise) fall under these thresholds. */
  async colourCounts(yellow: number, red: number): Promise<ColourCounts> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE probability >= $2)::int AS red,
              count(*) FILTER (WHERE probability >= $1 AND probability < $2)::int AS yellow
         FROM scoring.current_scores`,
      [yellow, red],
    );
    return { total: row.total, green: row.total - row.yellow - row.red, yellow: row.yellow, red: row.red };
  }

  list(): Promise<ColourPolicyRow[]> {
    return this.dataSource.query(`SELECT * FROM scoring.colour_policies ORDER BY created_at DESC, version`);
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Holds every other change to the policies until the transaction ends (versions are numbered in order). */
  async lock(m: EntityManager): Promise<void> {
    await m.query(`LOCK TABLE scoring.colour_policies IN EXCLUSIVE MODE`);
  }

  async count(m: EntityManager): Promise<number> {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM scoring.colour_policies`);
    return n;
  }

  async insertProposal(m: EntityManager, policy: Thresholds, actor: string): Promise<void> {
    await m.query(`INSERT INTO scoring.colour_policies (version, yellow, red, state, created_by, state_changed_by) VALUES ($1, $2, $3, 'proposed', $4, $4)`, [
      policy.version,
      policy.yellow,
      policy.red,
      actor,
    ]);
  }

  async find(m: EntityManager, version: string, options: { forUpdate?: boolean } = {}): Promise<ColourPolicyRow | undefined> {
    const [row] = await m.query(`SELECT * FROM scoring.colour_policies WHERE version = $1${options.forUpdate ? ' FOR UPDATE' : ''}`, [version]);
    return row;
  }

  async markApproved(m: EntityManager, version: string, actor: string, approvedBy: Approver[]): Promise<void> {
    await m.query(
      `UPDATE scoring.colour_policies SET state = 'approved', state_changed_by = $2, state_changed_at = now(), approved_by = $3 WHERE version = $1`,
      [version, actor, JSON.stringify(approvedBy)],
    );
  }

  /** Retires the active policy (if any) and makes `version` active; returns what was retired. */
  async makeActive(m: EntityManager, version: string, actor: string): Promise<Thresholds[]> {
    const retired: Thresholds[] = await m.query(
      `UPDATE scoring.colour_policies SET state = 'retired', state_changed_by = $1, state_changed_at = now() WHERE state = 'active' RETURNING version, yellow, red`,
      [actor],
    );
    await m.query(`UPDATE scoring.colour_policies SET state = 'active', state_changed_by = $2, state_changed_at = now() WHERE version = $1`, [version, actor]);
    return retired;
  }
}
