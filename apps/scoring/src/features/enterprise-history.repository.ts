import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EnterpriseHistory } from '@tianping/risk-model';
import { LIVE_STATUSES } from './enterprise-features.repository';

export interface HistoryChunk {
  creditCodes: string[];
  histories: EnterpriseHistory[];
}

interface SubjectRow {
  credit_code: string;
  established_on: string | null;
  registered_capital_wan: number | null;
  shareholder_subscribed_wan: number | null;
  employees: number | null;
  industry_code: string | null;
  abnormal_listed: boolean | null;
  legal_rep_changes_2y: number | null;
  shared_address_count: number;
}

interface CaseRow {
  credit_code: string;
  kind: string;
  department: string;
  date: string;
  violation_found: boolean;
  officer_ids: string[];
}

interface ClueRow {
  credit_code: string;
  received_at: string;
  verified: boolean | null;
}

/**
 * Whole enterprise histories (every subject, live or not), in chunks of enterprises, for training
 * rows: the risk model's own computeFactors then reads each history as of each inspection's date.
 */
@Injectable()
export class EnterpriseHistoryRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async *historyChunks(chunkSize = 20_000, creditCodes?: string[]): AsyncGenerator<HistoryChunk> {
    let after = '';
    for (;;) {
      const subjects: SubjectRow[] = await this.dataSource.query(
        `WITH subj AS (SELECT * FROM scoring.subjects WHERE credit_code > $1 ${creditCodes ? 'AND credit_code = ANY($4::text[])' : ''}
                       ORDER BY credit_code LIMIT $2)
         SELECT s.credit_code, to_char(s.established_on, 'YYYY-MM-DD') AS established_on, s.registered_capital_wan, s.shareholder_subscribed_wan,
                s.employees, s.industry_code, s.abnormal_listed, s.legal_rep_changes_2y,
                (SELECT count(*)::int FROM scoring.subjects o WHERE o.address_key = s.address_key AND o.credit_code <> s.credit_code
                   AND o.status = ANY($3::text[])) AS shared_address_count
         FROM subj s ORDER BY s.credit_code`,
        [after, chunkSize, LIVE_STATUSES, ...(creditCodes ? [creditCodes] : [])],
      );
      if (subjects.length === 0) return;
      const lo = subjects[0].credit_code;
      const hi = subjects[subjects.length - 1].credit_code;
      const [cases, clues]: [CaseRow[], ClueRow[]] = await Promise.all([
        this.dataSource.query(
          `SELECT credit_code, kind, department, to_char(date, 'YYYY-MM-DD') AS date, violation_found, officer_ids
           FROM scoring.cases WHERE credit_code BETWEEN $1 AND $2 ORDER BY credit_code, date`,
          [lo, hi],
        ),
        this.dataSource.query(
          `SELECT credit_code, to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"') AS received_at, verified
           FROM scoring.clues WHERE credit_code BETWEEN $1 AND $2`,
          [lo, hi],
        ),
      ]);
      yield { creditCodes: subjects.map((s) => s.credit_code), histories: assemble(subjects, cases, clues) };
      if (subjects.length < chunkSize) return;
      after = hi;
    }
  }
}

function assemble(subjects: SubjectRow[], cases: CaseRow[], clues: ClueRow[]): EnterpriseHistory[] {
  const byCode = new Map<string, EnterpriseHistory>();
  const histories = subjects.map((s) => {
    const history: EnterpriseHistory = {
      subject: {
        establishedOn: s.established_on,
        registeredCapitalWan: s.registered_capital_wan,
        shareholderSubscribedWan: s.shareholder_subscribed_wan,
        employees: s.employees,
        industryCode: s.industry_code,
        abnormalListed: s.abnormal_listed,
        legalRepChanges2y: s.legal_rep_changes_2y,
        sharedAddressCount: s.shared_address_count,
      },
      inspections: [],
      penalties: [],
      clues: [],
    };
    byCode.set(s.credit_code, history);
    return history;
  });
  for (const c of cases) {
    const history = byCode.get(c.credit_code);
    if (!history) continue; // a case of a subject intake has not sent yet
    // A penalty revoked (e.g. on appeal or reconsideration) no longer counts as a violation.
    if (c.kind === '处罚') {
      if (c.violation_found) history.penalties.push({ date: c.date });
    } else if (c.kind === '检查')
      history.inspections.push({ date: c.date, department: c.department, violationFound: c.violation_found, officerIds: c.officer_ids });
  }
  for (const k of clues) byCode.get(k.credit_code)?.clues.push({ receivedAt: k.received_at, verified: k.verified });
  return histories;
}
