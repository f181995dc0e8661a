import { Inject, Injectable } from '@nestjs/common';
import { instant, newestBy } from '@tianping/database';
import { DataSource, type EntityManager } from 'typeorm';
import type { Colour, ScoreRecord } from '@tianping/contracts';
import { actorKey } from '../record/actor-name.util';

export type DecisionStatus = 'pending' | 'confirmed' | 'overridden' | 'carried-over' | 'superseded';

export interface SeenScore {
  creditCode: string;
  scoreId: string;
  modelVersion: string;
  colourPolicyVersion: string;
  colour: Colour;
  probability: number;
  inputFingerprint: string;
  asOf: string;
  computedAt: string;
  /** The appeal-correction batches the score's inputs included (read where appeals are closed). */
  correctionBatches?: string[] | null;
}

export interface ColourDecisionRow {
  id: string;
  creditCode: string;
  scoreId: string;
  modelVersion: string;
  inputFingerprint: string;
  modelColour: Colour;
  colour: Colour | null;
  status: DecisionStatus;
  actor: string | null;
  reasons: string | null;
  carriedFrom: string | null;
  appealId: string | null;
  requestedAt: string;
  decidedAt: string | null;
  auditSeq: number | null;
}

export interface OfficerDecisionStats {
  actor: string;
  decisions: number;
  confirmed: number;
  overridden: number;
  overrideRate: number;
  medianSecondsToDecide: number | null;
  /** Decisions taken less than a minute after the file was opened (else the request): many suggest rubber-stamping. */
  underOneMinute: number;
  /** Decisions made without the file opened first (through the API, or before openings were noted). */
  unopened: number;
}

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const SCORE_COLUMNS = `credit_code AS "creditCode", score_id AS "scoreId", model_version AS "modelVersion",
  colour_policy_version AS "colourPolicyVersion", colour, probability, input_fingerprint AS "inputFingerprint",
  to_char(as_of, 'YYYY-MM-DD') AS "asOf", ${ISO('computed_at')} AS "computedAt"`;
const RESCORE_COLUMNS = `${SCORE_COLUMNS}, correction_batches AS "correctionBatches"`;
/** Decision columns, optionally qualified by a table alias (`d.`). */
const decisionColumns = (t = '') => `${t}id, ${t}credit_code AS "creditCode", ${t}score_id AS "scoreId", ${t}model_version AS "modelVersion",
  ${t}input_fingerprint AS "inputFingerprint", ${t}model_colour AS "modelColour", ${t}colour, ${t}status, ${t}actor, ${t}reasons,
  ${t}carried_from AS "carriedFrom", ${t}appeal_id AS "appealId", ${ISO(`${t}requested_at`)} AS "requestedAt",
  ${ISO(`${t}decided_at`)} AS "decidedAt", ${t}audit_seq AS "auditSeq"`;
const DECISION_COLUMNS = decisionColumns();

function toDecision(row: ColourDecisionRow & { auditSeq: string | number | null }): ColourDecisionRow {
  return { ...row, auditSeq: row.auditSeq === null ? null : Number(row.auditSeq) };
}

/** The only place that queries the scores oversight has seen and the decisions people took on them. */
@Injectable()
export class ColourDecisionsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(body: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(body);
  }

  /** Keeps the newest score per enterprise; returns the scores that became current (older ones change nothing). */
  async upsertCurrent(manager: EntityManager, scores: ScoreRecord[]): Promise<SeenScore[]> {
    if (scores.length === 0) return [];
    // One message may carry two scores of one enterprise (a re-score published beside a batch run).
    const newest = newestBy(
      scores,
      (s) => s.creditCode,
      (s) => `${s.asOf}|${instant(s.computedAt)}`,
    );
    const rows = newest.map((s) => ({
      credit_code: s.creditCode,
      score_id: s.scoreId,
      model_version: s.modelVersion,
      colour_policy_version: s.colourPolicyVersion,
      colour: s.colour,
      probability: s.probability,
      input_fingerprint: s.inputFingerprint,
      as_of: s.asOf,
      computed_at: s.computedAt,
      correction_batches: s.correctionBatches ?? null,
    }));
    return manager.query(
      `INSERT INTO oversight.current_scores AS c (credit_code, score_id, model_version, colour_policy_version, colour, probability, input_fingerprint, as_of, computed_at,
         correction_batches)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(credit_code text, score_id text, model_version text, colour_policy_version text,
         colour text, probability double precision, input_fingerprint text, as_of date, computed_at timestamptz, correction_batches text[])
       ON CONFLICT (credit_code) DO UPDATE SET score_id = EXCLUDED.score_id, model_version = EXCLUDED.model_version,
         colour_policy_version = EXCLUDED.colour_policy_version, colour = EXCLUDED.colour, probability = EXCLUDED.probability,
         input_fingerprint = EXCLUDED.input_fingerprint, as_of = EXCLUDED.as_of, computed_at = EXCLUDED.computed_at,
         correction_batches = EXCLUDED.correction_batches, seen_at = now()
       WHERE (c.as_of, c.computed_at) < (EXCLUDED.as_of, EXCLUDED.computed_at)
       RETURNING ${RESCORE_COLUMNS}`,
      [JSON.stringify(rows)],
    );
  }

  /** `lock`: hold the row to the caller's commit, so no newer score replaces it while a decision on it is made. */
  async current(creditCode: string, manager?: EntityManager, { lock = false } = {}): Promise<SeenScore | null> {
    const [row] = await (manager ?? this.dataSource).query(
      `SELECT ${SCORE_COLUMNS} FROM oversight.current_scores WHERE credit_code = $1${lock ? ' FOR UPDATE' : ''}`,
      [creditCode],
    );
    return row ?? null;
  }

  /**
   * The current score with the appeal-correction batches it names. Not locked: a score being written
   * now locks the appeal after this, and judges it itself once this transaction commits.
   */
  async currentForRescore(manager: EntityManager, creditCode: string): Promise<SeenScore | null> {
    const [row] = await manager.query(`SELECT ${RESCORE_COLUMNS} FROM oversight.current_scores WHERE credit_code = $1`, [creditCode]);
    return row ?? null;
  }

  /** Pending decisions on scores that are no longer current are closed: nobody needs to confirm a stale result. */
  async supersedePending(manager: EntityManager, current: SeenScore[]): Promise<void> {
    if (current.length === 0) return;
    await manager.query(
      `UPDATE oversight.colour_decisions d SET status = 'superseded', decided_at = now()
        FROM unnest($1::text[], $2::text[]) AS c(credit_code, score_id)
       WHERE d.credit_code = c.credit_code AND d.score_id <> c.score_id AND d.status = 'pending'`,
      [current.map((s) => s.creditCode), current.map((s) => s.scoreId)],
    );
  }

  /**
   * The latest person-made decision on an earlier score with the same model, inputs and model colour:
   * the same machine result, so the person's decision carries over.
   */
  async priorDecisions(manager: EntityManager, scores: SeenScore[]): Promise<Map<string, ColourDecisionRow>> {
    if (scores.length === 0) return new Map();
    const rows: ColourDecisionRow[] = await manager.query(
      `SELECT DISTINCT ON (d.credit_code) ${decisionColumns('d.')}
         FROM oversight.colour_decisions d
         JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS s(credit_code, model_version, input_fingerprint, colour)
           ON d.credit_code = s.credit_code AND d.model_version = s.model_version AND d.input_fingerprint = s.input_fingerprint AND d.model_colour = s.colour
        WHERE d.status IN ('confirmed', 'overridden', 'carried-over')
        ORDER BY d.credit_code, d.decided_at DESC`,
      [scores.map((s) => s.creditCode), scores.map((s) => s.modelVersion), scores.map((s) => s.inputFingerprint), scores.map((s) => s.colour)],
    );
    return new Map(rows.map((r) => [r.creditCode, toDecision(r as ColourDecisionRow & { auditSeq: string | null })]));
  }

  async insert(manager: EntityManager, row: Omit<ColourDecisionRow, 'auditSeq'> & { auditSeq?: number | null }): Promise<boolean> {
    const inserted = await manager.query(
      `INSERT INTO oversight.colour_decisions (id, credit_code, score_id, model_version, input_fingerprint, model_colour, colour, status, actor,
         reasons, carried_from, appeal_id, requested_at, decided_at, audit_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (score_id) DO NOTHING RETURNING id`,
      [
        row.id,
        row.creditCode,
        row.scoreId,
        row.modelVersion,
        row.inputFingerprint,
        row.modelColour,
        row.colour,
        row.status,
        row.actor,
        row.reasons,
        row.carriedFrom,
        row.appealId,
        row.requestedAt,
        row.decidedAt,
        row.auditSeq ?? null,
      ],
    );
    return inserted.length > 0;
  }

  /** Locks the decision row for the caller's transaction, so two officers cannot decide the same score. */
  async lockByScore(manager: EntityManager, scoreId: string): Promise<ColourDecisionRow | null> {
    const [row] = await manager.query(`SELECT ${DECISION_COLUMNS} FROM oversight.colour_decisions WHERE score_id = $1 FOR UPDATE`, [scoreId]);
    return row ? toDecision(row) : null;
  }

  async decide(
    manager: EntityManager,
    id: string,
    change: { status: DecisionStatus; colour: Colour; actor: string; reasons: string; appealId: string | null; decidedAt: string; auditSeq: number },
  ): Promise<void> {
    await manager.query(
      `UPDATE oversight.colour_decisions SET status = $2, colour = $3, actor = $4, reasons = $5, appeal_id = $6, decided_at = $7, audit_seq = $8 WHERE id = $1`,
      [id, change.status, change.colour, change.actor, change.reasons, change.appealId, change.decidedAt, change.auditSeq],
    );
  }

  /** The confirmation queue, oldest first (keyset paging on requested_at, id). */
  async pending(limit: number, after?: { requestedAt: string; id: string }): Promise<(ColourDecisionRow & { probability: number | null })[]> {
    const rows = await this.dataSource.query(
      `SELECT ${decisionColumns('d.')}, c.probability
         FROM oversight.colour_decisions d LEFT JOIN oversight.current_scores c ON c.score_id = d.score_id
        WHERE d.status = 'pending' AND ($2::timestamptz IS NULL OR (d.requested_at, d.id) > ($2::timestamptz, $3::text))
        ORDER BY d.requested_at, d.id LIMIT $1`,
      [limit, after?.requestedAt ?? null, after?.id ?? ''],
    );
    return rows.map((r: ColourDecisionRow & { auditSeq: string | null; probability: number | null }) => ({ ...toDecision(r), probability: r.probability }));
  }

  async countPending(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM oversight.colour_decisions WHERE status = 'pending'`);
    return row.n;
  }

  /** Current red scores, and those of them whose red still awaits an officer (counted as yellow until confirmed). */
  async redCounts(): Promise<{ red: number; awaitingConfirmation: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS red, count(*) FILTER (WHERE d.status = 'pending')::int AS "awaitingConfirmation"
         FROM oversight.current_scores c LEFT JOIN oversight.colour_decisions d ON d.score_id = c.score_id
        WHERE c.colour = 'red'`,
    );
    return row;
  }

  async forEnterprise(creditCode: string, limit: number): Promise<ColourDecisionRow[]> {
    const rows = await this.dataSource.query(
      `SELECT ${DECISION_COLUMNS} FROM oversight.colour_decisions WHERE credit_code = $1 ORDER BY requested_at DESC, id DESC LIMIT $2`,
      [creditCode, limit],
    );
    return rows.map(toDecision);
  }

  /** The current scores of these enterprises (those oversight has seen), and the decisions on them, in two reads. */
  async currentWithDecisions(creditCodes: readonly string[]): Promise<{ score: SeenScore; decision: ColourDecisionRow | null }[]> {
    const scores: SeenScore[] = await this.dataSource.query(`SELECT ${SCORE_COLUMNS} FROM oversight.current_scores WHERE credit_code = ANY($1::text[])`, [
      creditCodes,
    ]);
    if (scores.length === 0) return [];
    const rows = await this.dataSource.query(`SELECT ${DECISION_COLUMNS} FROM oversight.colour_decisions WHERE score_id = ANY($1::text[])`, [
      scores.map((s) => s.scoreId),
    ]);
    const byScore = new Map<string, ColourDecisionRow>(
      rows.map((row: ColourDecisionRow & { auditSeq: string | number | null }) => [row.scoreId, toDecision(row)]),
    );
    return scores.map((score) => ({ score, decision: byScore.get(score.scoreId) ?? null }));
  }

  async forScore(scoreId: string): Promise<ColourDecisionRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${DECISION_COLUMNS} FROM oversight.colour_decisions WHERE score_id = $1`, [scoreId]);
    return row ? toDecision(row) : null;
  }

  /**
   * Notes when `actor` first opened a score's file to decide it (later openings keep the first); null when the
   * score has no decision waiting for a person.
   */
  async opened(scoreId: string, actor: string): Promise<{ scoreId: string; openedAt: string } | null> {
    const [row] = await this.dataSource.query(
      `WITH waiting AS (SELECT score_id FROM oversight.colour_decisions WHERE score_id = $1 AND status = 'pending'),
            noted AS (INSERT INTO oversight.review_openings (score_id, actor) SELECT score_id, $2 FROM waiting
                      ON CONFLICT (score_id, actor) DO NOTHING RETURNING opened_at)
       SELECT ${ISO('coalesce((SELECT opened_at FROM noted), o.opened_at)')} AS "openedAt"
         FROM waiting LEFT JOIN oversight.review_openings o ON o.score_id = waiting.score_id AND o.actor = $2`,
      [scoreId, actor],
    );
    return row ? { scoreId, openedAt: row.openedAt } : null;
  }

  /**
   * Per officer: how often they override, and how long they take (signs of rubber-stamping): from when they first
   * opened the score's file, or, for a decision made without opening it (through the API, or before openings were
   * noted), from when the score asked for a person.
   */
  async officerStats(): Promise<OfficerDecisionStats[]> {
    const rows = await this.dataSource.query(
      `SELECT d.actor, count(*)::int AS decisions,
              count(*) FILTER (WHERE d.status = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE d.status = 'overridden')::int AS overridden,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.decided_at - coalesce(o.opened_at, d.requested_at))) AS median,
              count(*) FILTER (WHERE d.decided_at - coalesce(o.opened_at, d.requested_at) < interval '1 minute')::int AS "underOneMinute",
              count(*) FILTER (WHERE o.opened_at IS NULL)::int AS unopened
         FROM oversight.colour_decisions d
         LEFT JOIN oversight.review_openings o ON o.score_id = d.score_id AND o.actor = d.actor
        WHERE d.status IN ('confirmed', 'overridden') AND d.actor IS NOT NULL
        GROUP BY d.actor ORDER BY d.actor`,
    );
    type Row = { actor: string; decisions: number; confirmed: number; overridden: number; median: number | null; underOneMinute: number; unopened: number };
    return rows.map((r: Row) => ({
      actor: r.actor,
      decisions: r.decisions,
      confirmed: r.confirmed,
      overridden: r.overridden,
      overrideRate: r.decisions === 0 ? 0 : r.overridden / r.decisions,
      medianSecondsToDecide: r.median === null ? null : Math.round(Number(r.median)),
      underOneMinute: r.underOneMinute,
      unopened: r.unopened,
    }));
  }

  /**
   * Everyone the record names as an actor of the score's model version or colour policy (who trained,
   * proposed, approved or activated them) or of a decision on this enterprise's scores: they had a part.
   */
  async involvedActors(score: { creditCode: string; modelVersion: string; colourPolicyVersion: string }): Promise<Set<string>> {
    const rows: { actor: string }[] = await this.dataSource.query(
      `SELECT DISTINCT a #>> '{}' AS actor
         FROM oversight.audit_entries e, jsonb_path_query(e.body_json::jsonb, 'strict $.data.**.actor') AS a
        WHERE e.subject_ref = ANY($1::text[]) AND e.kind <> 'score' AND jsonb_typeof(a) = 'string'
       UNION
       SELECT DISTINCT actor FROM oversight.colour_decisions WHERE credit_code = $2 AND actor IS NOT NULL`,
      [[score.modelVersion, score.colourPolicyVersion], score.creditCode],
    );
    return new Set(rows.map((r) => actorKey(r.actor)));
  }

  /**
   * The record entry that logged this score, once the record has it: its seq, and the archive file its
   * body went to, if it did (an archive run before they were held took current scores too).
   */
  async scoreEntry(scoreId: string): Promise<{ seq: number; bodyArchivedIn: string | null } | null> {
    const [row] = await this.dataSource.query(
      `SELECT r.seq, b.file_name AS "bodyArchivedIn" FROM oversight.recorded_events r
         JOIN oversight.audit_entries e ON e.seq = r.seq LEFT JOIN oversight.body_archives b ON b.first_seq = e.body_archive
        WHERE r.event_key = $1`,
      [`score:${scoreId}`],
    );
    return row ? { seq: Number(row.seq), bodyArchivedIn: row.bodyArchivedIn } : null;
  }
}
