import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { float8ArrayBinary, int2ArrayBinary, int8ArrayBinary, preparedQuery, textArrayBinary, type PreparedStatement } from '@tianping/database';
import type { FactorColumn, FactorValue, ScoreBatch } from '@tianping/risk-model';
import { copyRows, HISTORY_COPY, historyRows } from './score-history-copy';
import { FULL_RUN_UNDER_WAY } from './score-runs.repository';

export interface StoredScore {
  id: string;
  credit_code: string;
  as_of: string;
  probability: number;
  logit: number;
  colour: number;
  contributions: number[];
  factor_values: FactorValue[];
  computed_at: Date;
  model_version: string;
  policy_version: string;
  run_id: string;
  /** The appeal-correction batches its inputs included (only where read with them: the publisher). */
  correction_batches?: string[] | null;
}

/**
 * A chunk of scores encoded for writing: its history rows in binary COPY form, the current-score
 * upsert's parameters, and the id ranges its rows fill, for the outbox.
 */
export interface PreparedChunk {
  history: Buffer;
  current: unknown[];
  ranges: [Buffer, Buffer];
  /** JSON of [{score_id, batch_ids}] for the scores that read appeal corrections; null when none did. */
  corrections: string | null;
}

const NO_CORRECTIONS: ReadonlyMap<string, string[]> = new Map();

/** Ids taken for a chunk's rows, and the ranges of consecutive ids they make (first and last, inclusive). */
interface TakenIds {
  ids: Float64Array;
  first: Float64Array;
  last: Float64Array;
}

/** Scores not yet published, and the outbox ranges (by first id) they came from, to delete once sent. */
export interface PendingScores {
  ranges: string[];
  scores: StoredScore[];
}

/** A full run scoring as of (at least) the day it started, on the calendar of every as-of date (China Standard Time). */
const AS_OF_ITS_START_DAY = `as_of >= (started_at AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * Whether run `r` covers mark `d`: the snapshot the run started in sees the transaction that made the
 * mark, so every shard (each reads later) sees its change. Marks and runs from before the snapshot
 * columns compare their times, as they did.
 */
const RUN_COVERS_MARK = `(CASE WHEN r.start_snapshot IS NOT NULL AND d.marked_by IS NOT NULL THEN pg_visible_in_snapshot(d.marked_by, r.start_snapshot)
  ELSE d.marked_at <= r.started_at END)`;

/** Marks a full run under way as of its start day will cover: the re-scoring loop leaves them to it. */
const COVERED_BY_A_RUN_UNDER_WAY = `EXISTS (SELECT 1 FROM scoring.score_runs r WHERE ${FULL_RUN_UNDER_WAY} AND ${AS_OF_ITS_START_DAY} AND ${RUN_COVERS_MARK})`;

/** Marks an enterprise for re-scoring, with the transaction that marks it (the one whose change it is). */
export const MARK_DIRTY = `ON CONFLICT (credit_code) DO UPDATE SET marked_at = now(), marked_by = pg_current_xact_id()`;

/** An enterprise waiting to be re-scored, and when it was marked (to the microsecond, as text). */
export interface DirtyMark {
  creditCode: string;
  markedAt: string;
}

export interface ScoreListFilter {
  colour?: number;
  region?: string;
  industry?: string;
  codes?: string[];
  /** Credit-code order (the default) after this code. */
  after?: string;
  /** Risk order (highest probability first, then credit code), after this point when given. */
  risk?: { after?: { probability: number; creditCode: string } };
  limit: number;
}

export type ListedScore = Omit<StoredScore, 'contributions' | 'factor_values' | 'logit'> & { region_code: string; industry_code: string };

const STORED = `h.id::text AS id, h.credit_code, to_char(h.as_of, 'YYYY-MM-DD') AS as_of, h.probability, h.logit, h.colour, h.contributions,
  h.factor_values, h.computed_at, r.model_version, r.policy_version, h.run_id::text AS run_id`;

/** The colour lookup, the hottest read: three primary-key probes, prepared once per connection. */
const CURRENT_SCORE: PreparedStatement = {
  name: 'scoring_current_score',
  text: `SELECT ${STORED} FROM scoring.current_scores c JOIN scoring.score_history h ON h.id = c.score_id JOIN scoring.score_runs r ON r.id = h.run_id
         WHERE c.credit_code = $1`,
};

/** The only place that reads and writes scores and score runs. Writes are whole chunks in one statement. */
@Injectable()
export class ScoresRepository {
  private idBlock?: Promise<number>;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** A run re-scoring the enterprises intake changed; full runs are planned in shards (ScoreRunsRepository.plan). */
  async startChangesRun(asOf: string, modelVersion: string, policyVersion: string): Promise<string> {
    const [row] = await this.dataSource.query(
      `INSERT INTO scoring.score_runs (kind, as_of, model_version, policy_version) VALUES ('changes', $1, $2, $3) RETURNING id::text AS id`,
      [asOf, modelVersion, policyVersion],
    );
    return row.id;
  }

  async finishRun(runId: string, enterprises: number): Promise<void> {
    await this.dataSource.query(`UPDATE scoring.score_runs SET finished_at = now(), enterprises = $2 WHERE id = $1`, [runId, enterprises]);
  }

  /**
   * Appends a chunk's scores to the history and points each enterprise's current score at it; a later
   * as-of date is never replaced by an earlier one. Inside `tx` when given (a shard), else in its own.
   * `factors` are the chunk's factor values in columns, in the batch's factor order.
   */
  async writeChunk(
    runId: string,
    asOf: string,
    creditCodes: string[],
    batch: ScoreBatch,
    factors: FactorColumn[],
    corrections: ReadonlyMap<string, string[]> = NO_CORRECTIONS,
    tx?: QueryRunner,
  ): Promise<void> {
    await this.writePrepared(await this.prepareChunk(runId, asOf, creditCodes, batch, factors, corrections), tx);
  }

  /**
   * A chunk made ready to write: ids taken for its history rows (on a connection of its own: the
   * sequence is outside any transaction) and its rows encoded, so a shard does this while the previous
   * chunk is still being written.
   */
  async prepareChunk(
    runId: string,
    asOf: string,
    creditCodes: string[],
    batch: ScoreBatch,
    factors: FactorColumn[],
    corrections: ReadonlyMap<string, string[]> = NO_CORRECTIONS,
  ): Promise<PreparedChunk> {
    const { ids, first, last } = await this.takeIds(batch.rows);
    const named =
      corrections.size === 0 ? [] : creditCodes.flatMap((code, i) => (corrections.has(code) ? [{ score_id: ids[i], batch_ids: corrections.get(code) }] : []));
    return {
      history: historyRows(runId, asOf, creditCodes, batch, factors, ids),
      current: [
        runId,
        asOf,
        textArrayBinary(creditCodes),
        int8ArrayBinary(ids),
        float8ArrayBinary(batch.probability, batch.rows),
        int2ArrayBinary(batch.colour, batch.rows),
      ],
      ranges: [int8ArrayBinary(first), int8ArrayBinary(last)],
      corrections: named.length === 0 ? null : JSON.stringify(named),
    };
  }

  /** Writes a prepared chunk: its history rows by binary COPY with their outbox ranges, then the current scores that name them. */
  async writePrepared(chunk: PreparedChunk, tx?: QueryRunner): Promise<void> {
    const runner = tx ?? this.dataSource.createQueryRunner();
    try {
      if (!tx) await runner.startTransaction();
      await copyRows(await runner.connect(), HISTORY_COPY, chunk.history);
      await runner.query(`INSERT INTO scoring.score_outbox (first_id, last_id) SELECT * FROM unnest($1::bigint[], $2::bigint[])`, chunk.ranges);
      if (chunk.corrections) {
        await runner.query(
          `INSERT INTO scoring.score_correction_batches (score_id, batch_ids) SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(score_id bigint, batch_ids text[])`,
          [chunk.corrections],
        );
      }
      await runner.query(
        `INSERT INTO scoring.current_scores AS c (credit_code, score_id, run_id, as_of, probability, colour)
         SELECT t.code, t.id, $1, $2::date, t.p, t.colour FROM unnest($3::text[], $4::bigint[], $5::float8[], $6::int2[]) AS t(code, id, p, colour)
         ON CONFLICT (credit_code) DO UPDATE SET score_id = EXCLUDED.score_id, run_id = EXCLUDED.run_id, as_of = EXCLUDED.as_of,
           probability = EXCLUDED.probability, colour = EXCLUDED.colour
         WHERE c.as_of <= EXCLUDED.as_of`,
        chunk.current,
      );
      if (!tx) await runner.commitTransaction();
    } finally {
      if (!tx) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        await runner.release();
      }
    }
  }

  /**
   * `n` unused score-history ids. Each nextval of the id sequence reserves a block of ids as long as its
   * step (migration HandOutScoreIdsInBlocks): a chunk takes a few blocks, not an id at a time.
   */
  private async takeIds(n: number): Promise<TakenIds> {
    this.idBlock ??= this.dataSource
      .query(`SELECT increment_by::int AS step FROM pg_sequences WHERE schemaname = 'scoring' AND sequencename = 'score_history_id_seq'`)
      .then(([row]: { step: number }[]) => Math.max(1, row?.step ?? 1))
      .catch((error: Error) => {
        this.idBlock = undefined; // asked again next time
        throw error;
      });
    const step = await this.idBlock;
    const [{ starts }]: { starts: string[] }[] = await this.dataSource.query(
      `SELECT array_agg(nextval('scoring.score_history_id_seq'))::text[] AS starts FROM generate_series(1, $1::int)`,
      [Math.ceil(n / step)],
    );
    const ids = new Float64Array(n);
    const first = new Float64Array(starts.length);
    const last = new Float64Array(starts.length);
    starts.forEach((start, k) => {
      first[k] = Number(start);
      last[k] = first[k] + Math.min(step, n - k * step) - 1;
    });
    for (let i = 0; i < n; i++) ids[i] = first[Math.floor(i / step)] + (i % step);
    return { ids, first, last };
  }

  async current(creditCode: string): Promise<StoredScore | null> {
    const [row] = await preparedQuery<StoredScore>(this.dataSource, CURRENT_SCORE, [creditCode]);
    return row ?? null;
  }

  /** An enterprise's latest `limit` stored scores, by the day each is as of (then as computed), oldest first. */
  async history(creditCode: string, limit: number): Promise<StoredScore[]> {
    const rows: StoredScore[] = await this.dataSource.query(
      `SELECT ${STORED} FROM scoring.score_history h JOIN scoring.score_runs r ON r.id = h.run_id
        WHERE h.credit_code = $1 ORDER BY h.as_of DESC, h.id DESC LIMIT $2`,
      [creditCode, limit],
    );
    return rows.reverse();
  }

  async byIds(ids: string[]): Promise<StoredScore[]> {
    return this.dataSource.query(
      `SELECT ${STORED} FROM scoring.score_history h JOIN scoring.score_runs r ON r.id = h.run_id WHERE h.id = ANY($1::bigint[]) ORDER BY h.id`,
      [ids],
    );
  }

  /**
   * Bureau staff's list, filtered by colour, region prefix, industry section and credit codes, keyset-paged
   * by credit code or by risk (the cursor's probability bounds the page, its credit code breaks ties).
   * Risk order has no index on purpose: one on probability would stop a full run's million updates of
   * current_scores from being HOT (8.5 s instead of 1.4 s measured at 1,000,000), while a page sorted
   * from all current scores takes ~0.14 s at that size, and the list is read a page at a time by people.
   */
  async list(filter: ScoreListFilter): Promise<ListedScore[]> {
    const params: unknown[] = [filter.colour ?? null, filter.region ?? null, filter.industry ?? null, filter.codes ?? null, filter.limit];
    const where = [
      `($1::int2 IS NULL OR c.colour = $1)`,
      `($2::text IS NULL OR s.region_code LIKE $2 || '%')`,
      `($3::text IS NULL OR upper(left(s.industry_code, 1)) = upper($3))`,
      `($4::text[] IS NULL OR c.credit_code = ANY($4))`,
    ];
    let order = 'c.credit_code';
    if (filter.risk) {
      order = 'c.probability DESC, c.credit_code';
      const after = filter.risk.after;
      if (after) {
        params.push(after.probability, after.creditCode);
        where.push(`c.probability <= $6 AND (c.probability < $6 OR c.credit_code > $7)`);
      }
    } else {
      params.push(filter.after ?? '');
      where.push(`c.credit_code > $6`);
    }
    return this.dataSource.query(
      `SELECT c.score_id::text AS id, c.credit_code, to_char(c.as_of, 'YYYY-MM-DD') AS as_of, c.probability, c.colour, r.model_version, r.policy_version,
              c.run_id::text AS run_id, s.region_code, s.industry_code
       FROM scoring.current_scores c JOIN scoring.score_runs r ON r.id = c.run_id JOIN scoring.subjects s USING (credit_code)
       WHERE ${where.join(' AND ')}
       ORDER BY ${order} LIMIT $5`,
      params,
    );
  }

  async summary(): Promise<{ byColour: { colour: number; n: number }[]; lastRun: Record<string, unknown> | null }> {
    const byColour = await this.dataSource.query(`SELECT colour, count(*)::int AS n FROM scoring.current_scores GROUP BY colour ORDER BY colour`);
    const [lastRun] = await this.dataSource.query(
      `SELECT id::text AS id, kind, to_char(as_of, 'YYYY-MM-DD') AS "asOf", model_version AS "modelVersion", policy_version AS "policyVersion",
              started_at AS "startedAt", finished_at AS "finishedAt", enterprises
       FROM scoring.score_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1`,
    );
    return { byColour, lastRun: lastRun ?? null };
  }

  /**
   * The oldest scores not yet published, whole outbox ranges of them up to about `limit` scores (a
   * range holds at most an id block). Committed ranges only, so a range is never seen half written.
   */
  async unpublished(limit: number): Promise<PendingScores> {
    const ranges: { first_id: string; last_id: string }[] = await this.dataSource.query(
      `SELECT first_id::text, last_id::text FROM (
         SELECT first_id, last_id, sum(last_id - first_id + 1) OVER (ORDER BY first_id) AS upto
         FROM (SELECT * FROM scoring.score_outbox ORDER BY first_id LIMIT $1::int) o
       ) r WHERE upto - (last_id - first_id + 1) < $1::int ORDER BY first_id`,
      [limit],
    );
    if (ranges.length === 0) return { ranges: [], scores: [] };
    const scores: StoredScore[] = await this.dataSource.query(
      `SELECT ${STORED}, b.batch_ids AS correction_batches FROM unnest($1::bigint[], $2::bigint[]) AS o(first_id, last_id)
       JOIN scoring.score_history h ON h.id BETWEEN o.first_id AND o.last_id JOIN scoring.score_runs r ON r.id = h.run_id
       LEFT JOIN scoring.score_correction_batches b ON b.score_id = h.id ORDER BY h.id`,
      [ranges.map((r) => r.first_id), ranges.map((r) => r.last_id)],
    );
    return { ranges: ranges.map((r) => r.first_id), scores };
  }

  /** Takes published ranges (by first id) out of the outbox. */
  async markPublished(ranges: string[]): Promise<void> {
    await this.dataSource.query(`DELETE FROM scoring.score_outbox WHERE first_id = ANY($1::bigint[])`, [ranges]);
  }

  async pendingPublications(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT coalesce(sum(last_id - first_id + 1), 0)::int AS n FROM scoring.score_outbox`);
    return row.n;
  }

  /**
   * Up to `limit` enterprises marked dirty, oldest first. The marks stay until clearMarks: a re-scorer
   * killed before it wrote the scores leaves them for the next one (taking them out first lost them).
   * Marks a full run under way will cover are left to it, rather than scored twice.
   */
  async dirtyMarks(limit: number): Promise<DirtyMark[]> {
    const rows: { credit_code: string; marked_at: string }[] = await this.dataSource.query(
      `SELECT credit_code, marked_at::text AS marked_at FROM scoring.dirty_enterprises d
       WHERE NOT ${COVERED_BY_A_RUN_UNDER_WAY} ORDER BY marked_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ creditCode: r.credit_code, markedAt: r.marked_at }));
  }

  /** Clears marks once their enterprises are scored; one marked again meanwhile (a newer time) stays. */
  async clearMarks(marks: DirtyMark[]): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM scoring.dirty_enterprises d USING unnest($1::text[], $2::timestamptz[]) AS t(code, marked_at)
       WHERE d.credit_code = t.code AND d.marked_at = t.marked_at`,
      [marks.map((m) => m.creditCode), marks.map((m) => m.markedAt)],
    );
  }

  /**
   * A full run as of the day it started covers every change committed before it started (RUN_COVERS_MARK):
   * not one still being made then, though marked earlier. A run as of an earlier day covers nothing:
   * its scores do not replace today's, so those enterprises stay marked.
   */
  async clearDirtyBefore(runId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM scoring.dirty_enterprises d USING scoring.score_runs r WHERE r.id = $1 AND ${AS_OF_ITS_START_DAY} AND ${RUN_COVERS_MARK}`,
      [runId],
    );
  }

  /** Marks enterprises for re-scoring, in the caller's transaction when given one (as the projections do). */
  async markDirty(creditCodes: string[], manager: Pick<EntityManager, 'query'> = this.dataSource): Promise<void> {
    await manager.query(`INSERT INTO scoring.dirty_enterprises (credit_code) SELECT unnest($1::text[]) ${MARK_DIRTY}`, [creditCodes]);
  }
}
