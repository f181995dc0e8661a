import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CREDIT_CODE_FORM, normaliseCreditCode } from '@tianping/common';

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

/** How many subjects, in code order, a search reads first: a fragment in one name of forty fills a page of 50 there. */
const NEARBY_SUBJECTS = 2000;
/**
 * Up to this many matches (as the planner estimates them) are found by their trigrams and sorted, a cost that grows
 * with the matches; more, and the key is walked in order, a cost that grows with how far the first page lies:
 * short for most common words, but a district's names lie together, late in code order for some (高明区).
 */
const SORTED_MATCHES = 100_000;
/** pg_trgm takes trigrams of runs of letters and digits (Chinese characters among them) only: a run of three is needed. */
const HAS_TRIGRAM = /[\p{L}\p{N}]{3}/u;
/**
 * A piece of a credit code as people type it: six to seventeen letters and digits, a digit among them (the
 * nine characters of an old organisation code, 组织机构代码, are such a piece). Shorter pieces match most codes.
 */
const CODE_PIECE = /^(?=.*\d)[0-9A-Z]{6,17}$/;

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
   * Enterprises whose name contains the query, or whose credit code it is or holds (a piece of six characters or
   * more), in code order. `%` and `_` in a query are characters to find, not wildcards; a code or a piece of one
   * typed in full-width characters or lower case is still found.
   * A whole code that is registered is answered by its key alone. A name fragment is looked for three ways, the
   * cheapest that can answer first (figures in the README): among the first subjects in code order (a common
   * fragment fills a page there); then, when it has three characters or more, among the names its trigrams find
   * (a rare one: a few index pages instead of the table); only what neither answers reads every name.
   */
  async search(query: string | undefined, limit: number, afterCode = ''): Promise<EnterpriseSummary[]> {
    if (!query)
      return this.dataSource.query(`SELECT ${SUMMARY_COLUMNS} FROM intake.subjects WHERE credit_code > $1 ORDER BY credit_code LIMIT $2`, [afterCode, limit]);
    const code = normaliseCreditCode(query);
    if (CREDIT_CODE_FORM.test(code)) {
      const [found] = await this.summaries([code]);
      if (found) return found.creditCode > afterCode ? [found] : [];
    }
    const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    if (CODE_PIECE.test(code)) return this.byCodePiece(code, pattern, afterCode, limit);
    const nearby: EnterpriseSummary[] = await this.dataSource.query(
      `SELECT * FROM (SELECT ${SUMMARY_COLUMNS} FROM intake.subjects WHERE credit_code > $2 ORDER BY credit_code LIMIT $4) first
        WHERE name LIKE $1 ORDER BY "creditCode" LIMIT $3`,
      [pattern, afterCode, limit, NEARBY_SUBJECTS],
    );
    if (nearby.length === limit) return nearby;
    if (HAS_TRIGRAM.test(query) && (await this.estimatedMatches(pattern)) <= SORTED_MATCHES) return this.byTrigrams(pattern, afterCode, limit);
    return this.dataSource.query(`SELECT ${SUMMARY_COLUMNS} FROM intake.subjects WHERE credit_code > $2 AND name LIKE $1 ORDER BY credit_code LIMIT $3`, [
      pattern,
      afterCode,
      limit,
    ]);
  }

  /**
   * Enterprises whose code holds the piece, or whose name holds the query (a name may hold letters and digits
   * too), in code order: one walk of the key, as a rare name fragment costs (figures in the README).
   */
  private byCodePiece(piece: string, namePattern: string, afterCode: string, limit: number): Promise<EnterpriseSummary[]> {
    return this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM intake.subjects WHERE credit_code > $2 AND (credit_code LIKE $1 OR name LIKE $3) ORDER BY credit_code LIMIT $4`,
      [`%${piece}%`, afterCode, namePattern, limit],
    );
  }

  /** How many names the planner expects to match, from its statistics: no name is read. */
  private async estimatedMatches(pattern: string): Promise<number> {
    const [row]: { 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }[] = await this.dataSource.query(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM intake.subjects WHERE name LIKE $1`,
      [pattern],
    );
    return row['QUERY PLAN'][0].Plan['Plan Rows'];
  }

  /**
   * The names the fragment's trigrams find, sorted: the index, whatever the planner guesses of the fragment. It
   * guesses from a sample of names, and a fragment it takes for common walked the whole table in code order;
   * common fragments have been answered before this, and the rest cost what they match.
   */
  private byTrigrams(pattern: string, afterCode: string, limit: number): Promise<EnterpriseSummary[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL enable_seqscan = off`);
      await manager.query(`SET LOCAL enable_indexscan = off`);
      return manager.query(`SELECT ${SUMMARY_COLUMNS} FROM intake.subjects WHERE name LIKE $1 AND credit_code > $2 ORDER BY credit_code LIMIT $3`, [
        pattern,
        afterCode,
        limit,
      ]);
    });
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
