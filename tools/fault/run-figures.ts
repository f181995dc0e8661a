import type { CityManifest, RecordKind } from '@tianping/synthetic-city';
import type { SuiteDb } from './suite-db';

/** Tables compared row by row between the faulted run and the clean one; columns that record *when* are left out. */
const COMPARED_TABLES: { table: string; key: string; exclude: string[] }[] = [
  { table: 'intake.subjects', key: 'credit_code', exclude: ['legal_rep_name_sealed', 'legal_rep_id_sealed', 'first_seen_at', 'changed_at'] },
  { table: 'intake.cases', key: 'case_no', exclude: ['changed_at'] },
  { table: 'intake.officers', key: 'officer_id', exclude: ['name_sealed', 'changed_at'] },
  { table: 'intake.clues', key: 'clue_id', exclude: ['changed_at'] },
  // run_id names the load, a new id in every run (and the resolution of a superseded copy names it too).
  {
    table: 'intake.quarantine',
    key: `kind || ':' || raw_hash`,
    exclude: ['id', 'source', 'line', 'raw_sealed', 'created_at', 'resolved_at', 'resolution', 'run_id'],
  },
  { table: 'scoring.subjects', key: 'credit_code', exclude: [] },
  { table: 'scoring.cases', key: 'case_no', exclude: [] },
  { table: 'scoring.clues', key: 'clue_id', exclude: [] },
  { table: 'dispatch.enterprises', key: 'credit_code', exclude: [] },
  { table: 'dispatch.officers', key: 'officer_id', exclude: ['changed_at', 'source_published_ns'] }, // publish times differ from run to run
  { table: 'dispatch.prior_inspections', key: 'case_no', exclude: [] },
  { table: 'dispatch.complaints', key: 'clue_id', exclude: [] },
];

const KIND_TABLES: Record<RecordKind, string> = { subjects: 'intake.subjects', cases: 'intake.cases', officers: 'intake.officers', clues: 'intake.clues' };

export interface CurrentScore {
  probability: number;
  logit: number;
  colour: number;
}

/** What a run left behind, read once it settled. */
export interface RunSnapshot {
  rows: Record<string, Map<string, string>>;
  /** Rows per table whose key appears more than once (a key must be unique: the same work done twice). */
  repeatedKeys: Record<string, number>;
  quarantinedByKind: Record<string, number>;
  /** Bad clues pushed on purpose, held in quarantine (each must be, once). */
  injectedQuarantined: number;
  activeModel: { version: string; hash: string } | null;
  scores: Map<string, CurrentScore>;
  /** Score history rows written twice for the same enterprise in the same run. */
  scoreRowsTwiceInRun: number;
  scoreHistoryRows: number;
  /** distinctScoresLogged reads score ids from the bodies: with any archived (scoreBodiesArchived), readSnapshot refuses. */
  audit: { scoreEntries: number; distinctScoresLogged: number; scoreBodiesArchived: number; eventKeys: number; distinctEventKeys: number; entries: number };
  /** Enterprises whose score dispatch holds is not the one scoring holds. */
  dispatchScoreDisagreements: number;
}

/** `injectedSources`: where the bad clues pushed on purpose were quarantined from; the clean run has none. */
export async function readSnapshot(db: SuiteDb, injectedSources: string[] = []): Promise<RunSnapshot> {
  const rows: RunSnapshot['rows'] = {};
  const repeatedKeys: Record<string, number> = {};
  for (const { table, key, exclude } of COMPARED_TABLES) {
    const where = table === 'intake.quarantine' ? 'WHERE NOT (source = ANY($2::text[]))' : 'WHERE $2::text[] IS NOT NULL';
    const found = await db.query<{ k: string; h: string }>(`SELECT ${key} AS k, md5((to_jsonb(t) - $1::text[])::text) AS h FROM ${table} t ${where}`, [
      exclude,
      injectedSources,
    ]);
    rows[table] = new Map(found.map((r) => [r.k, r.h]));
    if (rows[table].size !== found.length) repeatedKeys[table] = found.length - rows[table].size;
  }
  const quarantined = await db.query<{ kind: string; n: number }>(
    `SELECT kind, count(*)::int AS n FROM intake.quarantine WHERE NOT (source = ANY($1::text[])) GROUP BY kind`,
    [injectedSources],
  );
  const [injectedHeld] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM intake.quarantine WHERE source = ANY($1::text[])`, [injectedSources]);
  // When it was trained is the one thing two trainings on the same data with the same seed may differ in.
  const [model] = await db.query<{ version: string; hash: string }>(
    `SELECT version, md5((model #- '{training,trainedAt}')::text) AS hash FROM scoring.model_versions WHERE state = 'active'`,
  );
  const scores = await db.query<{ credit_code: string } & CurrentScore>(
    `SELECT c.credit_code, h.probability, h.logit, h.colour FROM scoring.current_scores c JOIN scoring.score_history h ON h.id = c.score_id`,
  );
  const [twice] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM scoring.score_history GROUP BY run_id, credit_code HAVING count(*) > 1) d`,
  );
  const [history] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM scoring.score_history`);
  const [audit] = await db.query<RunSnapshot['audit']>(
    `SELECT (SELECT count(*)::int FROM oversight.audit_entries WHERE kind = 'score') AS "scoreEntries",
            (SELECT count(DISTINCT body_json::jsonb #>> '{data,score,scoreId}')::int FROM oversight.audit_entries WHERE kind = 'score') AS "distinctScoresLogged",
            (SELECT count(*)::int FROM oversight.audit_entries WHERE kind = 'score' AND body_json IS NULL) AS "scoreBodiesArchived",
            (SELECT count(*)::int FROM oversight.recorded_events) AS "eventKeys",
            (SELECT count(DISTINCT event_key)::int FROM oversight.recorded_events) AS "distinctEventKeys",
            (SELECT count(*)::int FROM oversight.audit_entries) AS entries`,
  );
  // The figures count logged scores by the score ids in the bodies; archived bodies would read as scores not logged.
  if (audit.scoreBodiesArchived > 0)
    throw new Error(`${audit.scoreBodiesArchived} score bodies are archived: the fault figures need a record whose bodies are all present`);
  const [disagree] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM scoring.current_scores c FULL JOIN dispatch.scores d USING (credit_code)
     WHERE d.score_id IS DISTINCT FROM 'scoring-' || c.score_id`,
  );
  return {
    rows,
    repeatedKeys,
    quarantinedByKind: Object.fromEntries(quarantined.map((q) => [q.kind, q.n])),
    injectedQuarantined: injectedHeld.n,
    activeModel: model ?? null,
    scores: new Map(scores.map((s) => [s.credit_code, { probability: s.probability, logit: s.logit, colour: s.colour }])),
    scoreRowsTwiceInRun: twice.n,
    scoreHistoryRows: history.n,
    audit,
    dispatchScoreDisagreements: disagree.n,
  };
}

export interface KindAccounting {
  rows: number;
  accepted: number;
  quarantined: number;
  /** Valid rows that changed nothing new: exact repeats, older versions, and versions later replaced. */
  duplicate: number;
  expected: { accepted: number; quarantined: number; duplicate: number };
  ok: boolean;
}

/** Every source record in one of three places, in the numbers the generator predicted. */
export function accounting(snapshot: RunSnapshot, manifest: CityManifest): Record<RecordKind, KindAccounting> {
  const out = {} as Record<RecordKind, KindAccounting>;
  for (const kind of Object.keys(KIND_TABLES) as RecordKind[]) {
    const e = manifest.expected[kind];
    const accepted = snapshot.rows[KIND_TABLES[kind]].size;
    const quarantined = snapshot.quarantinedByKind[kind] ?? 0;
    const expected = { accepted: e.distinct, quarantined: e.invalid, duplicate: e.duplicates + e.staleVersions + e.newerVersions };
    out[kind] = {
      rows: e.rows,
      accepted,
      quarantined,
      duplicate: e.rows - accepted - quarantined,
      expected,
      ok: accepted === expected.accepted && quarantined === expected.quarantined,
    };
  }
  return out;
}

export interface Comparison {
  /** Per table: rows missing from the faulted run, rows it has that the clean run has not, rows that differ. */
  tables: Record<string, { missing: number; extra: number; different: number }>;
  sameModel: boolean;
  scores: { compared: number; missing: number; extra: number; different: number; maxAbsDifference: number; examples: string[] };
}

export function compareRuns(fault: RunSnapshot, clean: RunSnapshot): Comparison {
  const tables: Comparison['tables'] = {};
  for (const [table, cleanRows] of Object.entries(clean.rows)) {
    const faultRows = fault.rows[table];
    let missing = 0;
    let different = 0;
    for (const [key, hash] of cleanRows) {
      const got = faultRows.get(key);
      if (got === undefined) missing++;
      else if (got !== hash) different++;
    }
    const extra = [...faultRows.keys()].filter((k) => !cleanRows.has(k)).length;
    tables[table] = { missing, extra, different };
  }
  let different = 0;
  let missing = 0;
  let maxAbsDifference = 0;
  const examples: string[] = [];
  for (const [code, want] of clean.scores) {
    const got = fault.scores.get(code);
    if (!got) {
      missing++;
      continue;
    }
    const diff = Math.abs(got.probability - want.probability);
    maxAbsDifference = Math.max(maxAbsDifference, diff);
    if (diff > 1e-12 || got.colour !== want.colour) {
      different++;
      if (examples.length < 5) examples.push(`${code}: ${got.probability} vs clean ${want.probability}`);
    }
  }
  const extra = [...fault.scores.keys()].filter((k) => !clean.scores.has(k)).length;
  return {
    tables,
    sameModel: !!fault.activeModel && fault.activeModel.version === clean.activeModel?.version && fault.activeModel.hash === clean.activeModel.hash,
    scores: { compared: clean.scores.size, missing, extra, different, maxAbsDifference, examples },
  };
}
