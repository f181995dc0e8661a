import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import type { ScoreShardQueued } from '@tianping/contracts';
import type { FactorContext } from '@tianping/risk-model';
import { LIVE_STATUSES } from '../features/enterprise-features.repository';

/** A shard's range of credit codes: [from, to), null bounds open. */
export interface ShardRange {
  from: string | null;
  to: string | null;
}

/** What every shard of a run scores with, fixed when the run was planned. */
export interface ShardedRun {
  asOf: string;
  modelVersion: string;
  policyVersion: string;
  context: FactorContext;
  finished: boolean;
}

export interface ShardCounts {
  enterprises: number;
  byColour: { green: number; yellow: number; red: number };
}

export interface RunProgress extends ShardCounts {
  shards: number;
  doneShards: number;
  finished: boolean;
  failure: string | null;
}

/**
 * SQL condition on `scoring.score_runs`: a full run under way. One not finished within the hour is
 * taken for stalled (its shards lost, say), so that what waited on it is done another way.
 */
export const FULL_RUN_UNDER_WAY = `(kind = 'all' AND finished_at IS NULL AND failure IS NULL AND started_at > now() - interval '1 hour')`;

/** Full runs shared among scoring instances: their plan, their shards' completion, and their end. */
@Injectable()
export class ScoreRunsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Credit codes splitting the live enterprises into `shards` ranges of about equal size. */
  async shardRanges(shards: number): Promise<ShardRange[]> {
    const cuts = Array.from({ length: shards - 1 }, (_, k) => (k + 1) / shards);
    const [row] = cuts.length
      ? await this.dataSource.query(
          `SELECT percentile_disc($2::float8[]) WITHIN GROUP (ORDER BY credit_code) AS cuts FROM scoring.subjects WHERE status = ANY($1::text[])`,
          [LIVE_STATUSES, cuts],
        )
      : [{ cuts: [] }];
    // Few enterprises give repeated cuts: those shards would be empty, so they are merged away.
    const bounds = [...new Set<string>((row.cuts ?? []).filter((c: string | null) => c !== null))];
    return [null, ...bounds].map((from, k) => ({ from, to: bounds[k] ?? null }));
  }

  /**
   * Whether a full run as of the day, with this model and colour policy, has been made or is under way:
   * one that stalled or failed does not count.
   */
  async fullRunMadeOrUnderWay(asOf: string, modelVersion: string, policyVersion: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM scoring.score_runs WHERE kind = 'all' AND as_of = $1 AND model_version = $2 AND policy_version = $3
         AND (finished_at IS NOT NULL AND failure IS NULL OR ${FULL_RUN_UNDER_WAY})) AS made`,
      [asOf, modelVersion, policyVersion],
    );
    return row.made;
  }

  /** The latest full run as of the day, with this model and colour policy, still under way: its id, or null. */
  async fullRunUnderWay(asOf: string, modelVersion: string, policyVersion: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT id::text AS id FROM scoring.score_runs WHERE as_of = $1 AND model_version = $2 AND policy_version = $3 AND ${FULL_RUN_UNDER_WAY}
       ORDER BY started_at DESC LIMIT 1`,
      [asOf, modelVersion, policyVersion],
    );
    return row?.id ?? null;
  }

  /** Whether the model or the colour policy became active after the given time. */
  async activatedSince(modelVersion: string, policyVersion: string, since: Date): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT greatest((SELECT max(at) FROM scoring.model_events WHERE version = $1 AND to_state = 'active'),
                       (SELECT state_changed_at FROM scoring.colour_policies WHERE version = $2)) > $3 AS since`,
      [modelVersion, policyVersion, since],
    );
    return row.since === true;
  }

  async liveEnterprises(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM scoring.subjects WHERE status = ANY($1::text[])`, [LIVE_STATUSES]);
    return row.n;
  }

  /** Records a full run and its shards, not yet done; returns the run's id. */
  async plan(asOf: string, modelVersion: string, policyVersion: string, context: FactorContext, ranges: ShardRange[]): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      const [run] = await m.query(
        `INSERT INTO scoring.score_runs (kind, as_of, model_version, policy_version, shards, factor_context) VALUES ('all', $1, $2, $3, $4, $5)
         RETURNING id::text AS id`,
        [asOf, modelVersion, policyVersion, ranges.length, JSON.stringify(context)],
      );
      await m.query(
        `INSERT INTO scoring.score_run_shards (run_id, shard, from_code, to_code)
         SELECT $1, t.shard - 1, t.from_code, t.to_code FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(from_code, to_code, shard)`,
        [run.id, ranges.map((r) => r.from), ranges.map((r) => r.to)],
      );
      return run.id;
    });
  }

  async run(runId: string): Promise<ShardedRun | null> {
    const [row] = await this.dataSource.query(
      `SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of, model_version, policy_version, factor_context, finished_at IS NOT NULL AS finished
       FROM scoring.score_runs WHERE id = $1 AND factor_context IS NOT NULL`,
      [runId],
    );
    if (!row) return null;
    return { asOf: row.as_of, modelVersion: row.model_version, policyVersion: row.policy_version, context: row.factor_context, finished: row.finished };
  }

  /**
   * Takes a shard inside the caller's transaction: false when it is done already. The row stays locked
   * until that transaction ends, so a second instance given the same shard waits, then finds it done.
   */
  async claim(tx: QueryRunner, runId: string, shard: number, worker: string): Promise<boolean> {
    const rows = await tx.query(`UPDATE scoring.score_run_shards SET worker = $3 WHERE run_id = $1 AND shard = $2 AND done_at IS NULL RETURNING shard`, [
      runId,
      shard,
      worker,
    ]);
    return rows.length > 0;
  }

  async complete(tx: QueryRunner, runId: string, shard: number, counts: ShardCounts): Promise<void> {
    const { green, yellow, red } = counts.byColour;
    await tx.query(
      `UPDATE scoring.score_run_shards SET done_at = now(), enterprises = $3, green = $4, yellow = $5, red = $6 WHERE run_id = $1 AND shard = $2`,
      [runId, shard, counts.enterprises, green, yellow, red],
    );
  }

  /** A shard that kept failing ends its run as failed, so whoever waits for it hears why. */
  async fail(runId: string, shard: number, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE scoring.score_runs SET failure = $2 WHERE id = $1 AND failure IS NULL`, [
      runId,
      `shard ${shard}: ${reason}`.slice(0, 500),
    ]);
  }

  /**
   * Ends the run once every shard is done; true for the one caller that ended it. Each caller checks
   * after committing its own shard, so whoever commits last sees them all.
   */
  async finishIfComplete(runId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `UPDATE scoring.score_runs r SET finished_at = now(), enterprises = s.enterprises
       FROM (SELECT sum(enterprises)::int AS enterprises, count(*) FILTER (WHERE done_at IS NULL) AS open FROM scoring.score_run_shards WHERE run_id = $1) s
       WHERE r.id = $1 AND r.finished_at IS NULL AND s.open = 0 RETURNING r.id`,
      [runId],
    );
    return rows.length > 0;
  }

  /** The run's shards not done yet, as they were queued. */
  async undoneShards(runId: string): Promise<ScoreShardQueued[]> {
    const rows: { shard: number; shards: number; from: string | null; to: string | null }[] = await this.dataSource.query(
      `SELECT s.shard, r.shards, s.from_code AS "from", s.to_code AS "to"
         FROM scoring.score_run_shards s JOIN scoring.score_runs r ON r.id = s.run_id
        WHERE s.run_id = $1 AND s.done_at IS NULL ORDER BY s.shard`,
      [runId],
    );
    return rows.map((r) => ({ runId, shard: r.shard, shards: r.shards, fromCode: r.from, toCode: r.to }));
  }

  async progress(runId: string): Promise<RunProgress> {
    const [row] = await this.dataSource.query(
      `SELECT r.shards, r.finished_at IS NOT NULL AS finished, r.failure, count(s.done_at)::int AS done, coalesce(sum(s.enterprises), 0)::int AS enterprises,
              coalesce(sum(s.green), 0)::int AS green, coalesce(sum(s.yellow), 0)::int AS yellow, coalesce(sum(s.red), 0)::int AS red
       FROM scoring.score_runs r LEFT JOIN scoring.score_run_shards s ON s.run_id = r.id WHERE r.id = $1 GROUP BY r.id`,
      [runId],
    );
    return {
      shards: row.shards,
      doneShards: row.done,
      finished: row.finished,
      failure: row.failure,
      enterprises: row.enterprises,
      byColour: { green: row.green, yellow: row.yellow, red: row.red },
    };
  }
}
