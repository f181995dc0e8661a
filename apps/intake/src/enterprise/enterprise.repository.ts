import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { normaliseCreditCode } from '@tianping/common';

/**
 * The day (China time) a clue was received: what the enterprise is shown. The hour and the channel
 * stay with the bureau, since they can point to who complained (举报人信息保密).
 */
const RECEIVED_ON = (column: string) => `to_char((${column} AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS "receivedOn"`;

const SUMMARY_COLUMNS = `credit_code AS "creditCode", name, industry_code AS "industryCode", region_code AS "regionCode", status, address, lng, lat`;

export interface EnterpriseSummary {
  creditCode: string;
  name: string;
  industryCode: string;
  regionCode: string;
  status: string;
  /** The registered business address (public on the credit publicity system): where a visit goes. */
  address: string | null;
  /** Where it is registered, for the bureau's risk map. */
  lng: number | null;
  lat: number | null;
}

/** The applied appeal corrections of one record, as a JSON list (NULL when none). */
const CORRECTIONS_OF = (kind: 'clue' | 'case', recordId: string, extra = '') =>
  `SELECT json_agg(json_build_object('appealId', appeal_id, 'action', action, 'at', at) ORDER BY id) AS list
     FROM intake.record_corrections WHERE kind = '${kind}' AND record_id = ${recordId} AND status = 'applied' ${extra}`;

@Injectable()
export class EnterpriseRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The subject row without its sealed personal data: only the masked ID number leaves. */
  async subject(creditCode: string): Promise<Record<string, unknown> | null> {
    const [row] = await this.dataSource.query(
      `SELECT credit_code AS "creditCode", name, established_on::text AS "establishedOn",
              registered_capital_wan::float AS "registeredCapitalWan", shareholder_subscribed_wan::float AS "shareholderSubscribedWan",
              employees, industry_code AS "industryCode", region_code AS "regionCode", address, lng, lat, status,
              abnormal_listed AS "abnormalListed", legal_rep_changes_2y AS "legalRepChanges2y",
              legal_rep_id_masked AS "legalRepIdMasked", updated_at AS "updatedAt"
         FROM intake.subjects WHERE credit_code = $1`,
      [creditCode],
    );
    return row ?? null;
  }

  /** The legal representative's sealed name and ID number: opened only for a logged full view. */
  async sealedPersonalData(creditCode: string): Promise<{ nameSealed: string | null; idSealed: string | null } | null> {
    const [row] = await this.dataSource.query(
      `SELECT legal_rep_name_sealed AS "nameSealed", legal_rep_id_sealed AS "idSealed" FROM intake.subjects WHERE credit_code = $1`,
      [creditCode],
    );
    return row ?? null;
  }

  /** Each case with `correctedOnAppeal`: the appeal decisions that corrected it (empty when none). */
  async cases(creditCode: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT case_no AS "caseNo", department, kind, origin, date::text AS date, items, result, violation,
              violation_found AS "violationFound", penalty_yuan::float AS "penaltyYuan", updated_at AS "updatedAt",
              coalesce(rc.list, '[]') AS "correctedOnAppeal"
         FROM intake.cases c
         LEFT JOIN LATERAL (${CORRECTIONS_OF('case', 'c.case_no')}) rc ON true
        WHERE c.credit_code = $1 ORDER BY date DESC, case_no`,
      [creditCode],
    );
  }

  /** Each linked clue with `correctedOnAppeal` (an unlink from another enterprise is that enterprise's business). */
  async clues(creditCode: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT clue_id AS "clueId", channel, received_at AS "receivedAt", ${RECEIVED_ON('received_at')}, category, department, verified, status,
              link_method AS "linkMethod", updated_at AS "updatedAt", coalesce(rc.list, '[]') AS "correctedOnAppeal"
         FROM intake.clues k
         LEFT JOIN LATERAL (${CORRECTIONS_OF('clue', 'k.clue_id', `AND (action <> 'unlink' OR credit_code = $1)`)}) rc ON true
        WHERE linked_credit_code = $1 ORDER BY received_at DESC`,
      [creditCode],
    );
  }

  /** Clues an appeal of this enterprise found were not about it: no longer in its file, but shown as removed. */
  async cluesUnlinkedOnAppeal(creditCode: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT k.clue_id AS "clueId", k.channel, k.received_at AS "receivedAt", ${RECEIVED_ON('k.received_at')}, k.category, k.department,
              rc.appeal_id AS "appealId", rc.action, rc.at
         FROM intake.record_corrections rc JOIN intake.clues k ON k.clue_id = rc.record_id
        WHERE rc.credit_code = $1 AND rc.kind = 'clue' AND rc.action = 'unlink' AND rc.status = 'applied'
        ORDER BY rc.id`,
      [creditCode],
    );
  }

  /** The named enterprises that are known, in credit-code order (a code intake has no file of is left out). */
  async summaries(codes: string[]): Promise<EnterpriseSummary[]> {
    return this.dataSource.query(`SELECT ${SUMMARY_COLUMNS} FROM intake.subjects WHERE credit_code = ANY($1) ORDER BY credit_code`, [codes]);
  }

  /**
   * Enterprises whose name contains the query, or whose credit code it is. `%` and `_` in a query are
   * characters to find, not wildcards; a code typed in full-width characters or lower case is still found.
   * A whole code that is registered is answered by its key alone: looking for it in every name (no index
   * serves `LIKE '%…%'`) took about 2 s at a million subjects.
   */
  async search(query: string | undefined, limit: number, afterCode = ''): Promise<EnterpriseSummary[]> {
    const namePart = query ? `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const code = query ? normaliseCreditCode(query) : null;
    if (code && /^[0-9A-Z]{18}$/.test(code)) {
      const [found] = await this.summaries([code]);
      if (found) return found.creditCode > afterCode ? [found] : [];
    }
    return this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}
         FROM intake.subjects
        WHERE credit_code > $3 AND ($1::text IS NULL OR name LIKE $1 OR credit_code = $4)
        ORDER BY credit_code LIMIT $2`,
      [namePart, limit, afterCode, code],
    );
  }

  async unlinkedClues(limit: number): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT clue_id AS "clueId", channel, received_at AS "receivedAt", credit_code_given AS "creditCodeGiven",
              subject_name AS "subjectName", address, category, department, link_candidates AS "candidates"
         FROM intake.clues WHERE linked_credit_code IS NULL ORDER BY received_at DESC LIMIT $1`,
      [limit],
    );
  }

  async totals(): Promise<Record<string, number>> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM intake.subjects)::int AS subjects, (SELECT count(*) FROM intake.cases)::int AS cases,
              (SELECT count(*) FROM intake.officers)::int AS officers, (SELECT count(*) FROM intake.clues)::int AS clues,
              (SELECT count(*) FROM intake.clues WHERE linked_credit_code IS NULL)::int AS "unlinkedClues",
              (SELECT count(*) FROM intake.quarantine WHERE status = 'open')::int AS "quarantineOpen"`,
    );
    return row;
  }
}
