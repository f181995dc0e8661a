import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Colour } from '@tianping/contracts';

export const APPEAL_STATUSES = ['filed', 'in-review', 'awaiting-rescore', 'decided', 'withdrawn'] as const;
/** `withdrawn`: the enterprise took it back before a decision; closed, not decided. */
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export type AppealOutcome = 'upheld' | 'corrected' | 'overridden';

/** A record the enterprise says is wrong: a complaint not about it, a case already rectified or revoked. */
export interface Challenge {
  kind: 'clue' | 'case';
  /** The clue id or case number (the web gateway puts in the id of the clue an enterprise names by its reference). */
  recordId: string;
  claim: string;
  /** What the enterprise's file said of the record when the appeal was filed; absent on appeals filed before it was kept. */
  record?: object;
  /** A clue's reference as its enterprise knows it: added to views, never stored. */
  ref?: string;
}

export interface AppealRow {
  id: string;
  creditCode: string;
  scoreId: string;
  modelVersion: string;
  /** The policy that coloured the appealed score; null for appeals filed before it was kept. */
  colourPolicyVersion: string | null;
  colour: Colour;
  probability: number;
  grounds: string;
  challenges: Challenge[];
  status: AppealStatus;
  outcome: AppealOutcome | null;
  overrideColour: Colour | null;
  reviewer: string | null;
  decisionReasons: string | null;
  /** The enterprise's own words on withdrawing, if it gave any (the record holds their hash). */
  withdrawalReason: string | null;
  filedBy: string;
  filedAt: string;
  dueAt: string;
  decidedAt: string | null;
  closedAt: string | null;
  overdue: boolean;
}

export interface AppealStep {
  step: 'filed' | 'in-review' | 'decided' | 'correction-sent' | 'corrections-applied' | 'rescored' | 'withdrawn';
  actor: string;
  note: string | null;
  detail: Record<string, unknown>;
  at: string;
  auditSeq: number | null;
}

/** An appeal as its re-score is judged: what intake acknowledged, and which rule closes it. */
export interface RescoreState extends AppealRow {
  /** The batches intake published with the corrections; null until intake acknowledged them. */
  correctionBatches: string[] | null;
  /** Waiting since before acknowledgements: closes on the first score computed after the decision. */
  closesOnLaterScore: boolean;
}

export interface EvidenceFile {
  n: number;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface AppealFilter {
  status?: AppealStatus;
  creditCode?: string;
  overdue?: boolean;
  limit: number;
  /** Keyset paging: the last row's dueAt and id. */
  after?: { dueAt: string; id: string };
}

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const APPEAL_COLUMNS = `id, credit_code AS "creditCode", score_id AS "scoreId", model_version AS "modelVersion",
  colour_policy_version AS "colourPolicyVersion", colour, probability, grounds,
  challenges, status, outcome, override_colour AS "overrideColour", reviewer, decision_reasons AS "decisionReasons",
  withdrawal_reason AS "withdrawalReason", filed_by AS "filedBy",
  ${ISO('filed_at')} AS "filedAt", ${ISO('due_at')} AS "dueAt", ${ISO('decided_at')} AS "decidedAt", ${ISO('closed_at')} AS "closedAt",
  (status IN ('filed', 'in-review') AND due_at < now()) AS overdue`;
const RESCORE_COLUMNS = `${APPEAL_COLUMNS}, correction_batches AS "correctionBatches", closes_on_later_score AS "closesOnLaterScore"`;
/** What a step of an appeal may change, and the column each is kept in. */
const UPDATABLE = {
  status: 'status',
  outcome: 'outcome',
  overrideColour: 'override_colour',
  reviewer: 'reviewer',
  decisionReasons: 'decision_reasons',
  withdrawalReason: 'withdrawal_reason',
  decidedAt: 'decided_at',
  closedAt: 'closed_at',
  correctionBatches: 'correction_batches',
  closesOnLaterScore: 'closes_on_later_score',
} as const;

/** The only place that queries appeals, their steps and their evidence. */
@Injectable()
export class AppealsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(body: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(body);
  }

  async insert(
    manager: EntityManager,
    a: Omit<AppealRow, 'overdue' | 'outcome' | 'overrideColour' | 'reviewer' | 'decisionReasons' | 'withdrawalReason' | 'decidedAt' | 'closedAt'>,
  ): Promise<boolean> {
    // Two filings at once both pass hasOpen; the one-open-appeal index then lets only the first in.
    const inserted = await manager.query(
      `INSERT INTO oversight.appeals (id, credit_code, score_id, model_version, colour, probability, grounds, challenges, status, filed_by, filed_at, due_at,
         colour_policy_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13)
       ON CONFLICT (credit_code) WHERE status IN ('filed', 'in-review') DO NOTHING RETURNING id`,
      [
        a.id,
        a.creditCode,
        a.scoreId,
        a.modelVersion,
        a.colour,
        a.probability,
        a.grounds,
        JSON.stringify(a.challenges),
        a.status,
        a.filedBy,
        a.filedAt,
        a.dueAt,
        a.colourPolicyVersion,
      ],
    );
    return inserted.length > 0;
  }

  async hasOpen(manager: EntityManager, creditCode: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM oversight.appeals WHERE credit_code = $1 AND status IN ('filed', 'in-review') FOR UPDATE`, [creditCode]);
    return rows.length > 0;
  }

  async insertEvidence(manager: EntityManager, appealId: string, files: (EvidenceFile & { content: Buffer })[]): Promise<void> {
    for (const f of files) {
      await manager.query(
        `INSERT INTO oversight.appeal_evidence (appeal_id, n, name, content_type, size, sha256, content) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [appealId, f.n, f.name, f.contentType, f.size, f.sha256, f.content],
      );
    }
  }

  async addStep(manager: EntityManager, appealId: string, step: AppealStep): Promise<void> {
    await manager.query(`INSERT INTO oversight.appeal_steps (appeal_id, step, actor, note, detail, at, audit_seq) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`, [
      appealId,
      step.step,
      step.actor,
      step.note,
      JSON.stringify(step.detail),
      step.at,
      step.auditSeq,
    ]);
  }

  async lock(manager: EntityManager, id: string): Promise<AppealRow | null> {
    const [row] = await manager.query(`SELECT ${APPEAL_COLUMNS} FROM oversight.appeals WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  async update(manager: EntityManager, id: string, change: Partial<Pick<RescoreState, keyof typeof UPDATABLE>>): Promise<void> {
    const keys = Object.keys(change) as (keyof typeof change)[];
    if (keys.length === 0) return;
    await manager.query(`UPDATE oversight.appeals SET ${keys.map((k, i) => `${UPDATABLE[k]} = $${i + 2}`).join(', ')} WHERE id = $1`, [
      id,
      ...keys.map((k) => change[k]),
    ]);
  }

  async find(id: string): Promise<AppealRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${APPEAL_COLUMNS} FROM oversight.appeals WHERE id = $1`, [id]);
    return row ?? null;
  }

  async steps(id: string): Promise<AppealStep[]> {
    const rows = await this.dataSource.query(
      `SELECT step, actor, note, detail, ${ISO('at')} AS at, audit_seq AS "auditSeq" FROM oversight.appeal_steps WHERE appeal_id = $1 ORDER BY id`,
      [id],
    );
    return rows.map((r: AppealStep & { auditSeq: string | null }) => ({ ...r, auditSeq: r.auditSeq === null ? null : Number(r.auditSeq) }));
  }

  async evidence(id: string): Promise<EvidenceFile[]> {
    return this.dataSource.query(`SELECT n, name, content_type AS "contentType", size, sha256 FROM oversight.appeal_evidence WHERE appeal_id = $1 ORDER BY n`, [
      id,
    ]);
  }

  async evidenceContent(id: string, n: number): Promise<(EvidenceFile & { content: Buffer }) | null> {
    const [row] = await this.dataSource.query(
      `SELECT n, name, content_type AS "contentType", size, sha256, content FROM oversight.appeal_evidence WHERE appeal_id = $1 AND n = $2`,
      [id, n],
    );
    return row ?? null;
  }

  /** The review queue: most urgent first (earliest deadline), keyset-paged. */
  async list(filter: AppealFilter): Promise<AppealRow[]> {
    return this.dataSource.query(
      `SELECT ${APPEAL_COLUMNS} FROM oversight.appeals
        WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR credit_code = $2)
          AND ($3::boolean IS NULL OR (status IN ('filed', 'in-review') AND due_at < now()) = $3)
          AND ($5::timestamptz IS NULL OR (due_at, id) > ($5::timestamptz, $6::text))
        ORDER BY due_at, id LIMIT $4`,
      [filter.status ?? null, filter.creditCode ?? null, filter.overdue ?? null, filter.limit, filter.after?.dueAt ?? null, filter.after?.id ?? ''],
    );
  }

  async counts(): Promise<Record<AppealStatus | 'overdue', number>> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'filed')::int AS filed, count(*) FILTER (WHERE status = 'in-review')::int AS "in-review",
              count(*) FILTER (WHERE status = 'awaiting-rescore')::int AS "awaiting-rescore", count(*) FILTER (WHERE status = 'decided')::int AS decided,
              count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn,
              count(*) FILTER (WHERE status IN ('filed', 'in-review') AND due_at < now())::int AS overdue
         FROM oversight.appeals`,
    );
    return row;
  }

  /** Appeals whose data correction is waiting for a new score of one of these enterprises. */
  async awaitingRescore(manager: EntityManager, creditCodes: string[]): Promise<RescoreState[]> {
    if (creditCodes.length === 0) return [];
    return manager.query(`SELECT ${RESCORE_COLUMNS} FROM oversight.appeals WHERE status = 'awaiting-rescore' AND credit_code = ANY($1::text[]) FOR UPDATE`, [
      creditCodes,
    ]);
  }

  /** One appeal as its re-score is judged, held to the caller's commit. */
  async lockRescoreState(manager: EntityManager, id: string): Promise<RescoreState | null> {
    const [row] = await manager.query(`SELECT ${RESCORE_COLUMNS} FROM oversight.appeals WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }
}
