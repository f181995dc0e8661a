import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApprovalSubjectKind, ModelBuilder } from '@tianping/contracts';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected';
export type SignOffRole = 'technical' | 'legal';
export type SignOffDecision = 'approve' | 'reject';

export interface ApprovalRequest {
  subjectKind: ApprovalSubjectKind;
  subjectRef: string;
  proposedBy: string;
  builtBy: ModelBuilder | null;
  /** What was proposed, as scoring announced it (training window, metrics; or thresholds). */
  proposal: Record<string, unknown>;
  proposedAt: string;
  status: ApprovalStatus;
  decidedAt: string | null;
  /** The record entry of the decision. */
  decisionSeq: number | null;
}

export interface SignOff {
  actor: string;
  role: SignOffRole;
  decision: SignOffDecision;
  reasons: string;
  at: string;
  /** The record entry that logged this sign-off. */
  auditSeq: number;
}

export interface ApprovalFilter {
  status?: ApprovalStatus;
  subjectKind?: ApprovalSubjectKind;
  limit: number;
}

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const REQUEST_COLUMNS = `subject_kind AS "subjectKind", subject_ref AS "subjectRef", proposed_by AS "proposedBy", built_by AS "builtBy", proposal,
  ${iso('proposed_at')} AS "proposedAt", status, ${iso('decided_at')} AS "decidedAt", decision_seq AS "decisionSeq"`;
const SIGN_OFF_COLUMNS = `actor, role, decision, reasons, ${iso('at')} AS at, audit_seq AS "auditSeq"`;

function toRequest(row: ApprovalRequest & { decisionSeq: string | number | null }): ApprovalRequest {
  return { ...row, decisionSeq: row.decisionSeq === null ? null : Number(row.decisionSeq) };
}

function toSignOff(row: SignOff & { auditSeq: string | number }): SignOff {
  return { ...row, auditSeq: Number(row.auditSeq) };
}

/** The only place that queries approval requests and their sign-offs. */
@Injectable()
export class ApprovalsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(body: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(body);
  }

  /** A redelivered proposal changes nothing: the first announcement stands. */
  async insertRequest(request: Pick<ApprovalRequest, 'subjectKind' | 'subjectRef' | 'proposedBy' | 'builtBy' | 'proposal' | 'proposedAt'>): Promise<boolean> {
    const inserted = await this.dataSource.query(
      `INSERT INTO oversight.approval_requests (subject_kind, subject_ref, proposed_by, built_by, proposal, proposed_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (subject_kind, subject_ref) DO NOTHING RETURNING subject_ref`,
      [
        request.subjectKind,
        request.subjectRef,
        request.proposedBy,
        request.builtBy ? JSON.stringify(request.builtBy) : null,
        JSON.stringify(request.proposal),
        request.proposedAt,
      ],
    );
    return inserted.length > 0;
  }

  /** Locks the request until the caller's transaction ends: sign-offs on one subject happen one at a time. */
  async lockRequest(manager: EntityManager, kind: ApprovalSubjectKind, ref: string): Promise<ApprovalRequest | null> {
    const [row] = await manager.query(`SELECT ${REQUEST_COLUMNS} FROM oversight.approval_requests WHERE subject_kind = $1 AND subject_ref = $2 FOR UPDATE`, [
      kind,
      ref,
    ]);
    return row ? toRequest(row) : null;
  }

  async find(kind: ApprovalSubjectKind, ref: string): Promise<ApprovalRequest | null> {
    const [row] = await this.dataSource.query(`SELECT ${REQUEST_COLUMNS} FROM oversight.approval_requests WHERE subject_kind = $1 AND subject_ref = $2`, [
      kind,
      ref,
    ]);
    return row ? toRequest(row) : null;
  }

  /** Pending first, then the most recently proposed. */
  async list(filter: ApprovalFilter): Promise<ApprovalRequest[]> {
    const rows = await this.dataSource.query(
      `SELECT ${REQUEST_COLUMNS} FROM oversight.approval_requests
        WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR subject_kind = $2)
        ORDER BY status <> 'pending', proposed_at DESC, subject_ref LIMIT $3`,
      [filter.status ?? null, filter.subjectKind ?? null, filter.limit],
    );
    return rows.map(toRequest);
  }

  async signOffs(kind: ApprovalSubjectKind, ref: string, manager?: EntityManager): Promise<SignOff[]> {
    const rows = await (manager ?? this.dataSource).query(
      `SELECT ${SIGN_OFF_COLUMNS} FROM oversight.sign_offs WHERE subject_kind = $1 AND subject_ref = $2 ORDER BY id`,
      [kind, ref],
    );
    return rows.map(toSignOff);
  }

  /** Sign-offs of many requests at once, keyed "kind/ref". */
  async signOffsOf(requests: ApprovalRequest[]): Promise<Map<string, SignOff[]>> {
    const byKey = new Map<string, SignOff[]>(requests.map((r) => [`${r.subjectKind}/${r.subjectRef}`, []]));
    if (requests.length === 0) return byKey;
    const rows: (SignOff & { key: string; auditSeq: string })[] = await this.dataSource.query(
      `SELECT subject_kind || '/' || subject_ref AS key, ${SIGN_OFF_COLUMNS} FROM oversight.sign_offs
        WHERE (subject_kind, subject_ref) IN (SELECT * FROM unnest($1::text[], $2::text[])) ORDER BY id`,
      [requests.map((r) => r.subjectKind), requests.map((r) => r.subjectRef)],
    );
    for (const { key, ...row } of rows) byKey.get(key)?.push(toSignOff(row));
    return byKey;
  }

  async insertSignOff(manager: EntityManager, kind: ApprovalSubjectKind, ref: string, signOff: SignOff): Promise<void> {
    await manager.query(
      `INSERT INTO oversight.sign_offs (subject_kind, subject_ref, actor, role, decision, reasons, at, audit_seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [kind, ref, signOff.actor, signOff.role, signOff.decision, signOff.reasons, signOff.at, signOff.auditSeq],
    );
  }

  async decide(
    manager: EntityManager,
    kind: ApprovalSubjectKind,
    ref: string,
    status: Exclude<ApprovalStatus, 'pending'>,
    at: string,
    decisionSeq: number,
  ): Promise<void> {
    await manager.query(`UPDATE oversight.approval_requests SET status = $3, decided_at = $4, decision_seq = $5 WHERE subject_kind = $1 AND subject_ref = $2`, [
      kind,
      ref,
      status,
      at,
      decisionSeq,
    ]);
  }
}
