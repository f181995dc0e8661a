import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, type ClientBase } from 'pg';
import { fileDigest } from '@tianping/common';
import { ensureDatabase } from '@tianping/database';
import { SUITE_APPS } from '../apps.registry';

export const DUMP_FILE = 'tianping.dump';
export const MANIFEST_FILE = 'manifest.json';
const FORMAT = 'tianping-backup-1';

/** What a database held at one instant: every table's rows and the audit record's head. */
export interface DatabaseSnapshot {
  tables: Record<string, number>;
  audit: { entries: number; checkpoint: { treeSize: number; rootHash: string } | null };
}

export interface BackupManifest extends DatabaseSnapshot {
  format: typeof FORMAT;
  /** The instant the dump shows (the exported snapshot's now()). */
  snapshotAt: string;
  database: string;
  serverVersion: string;
  pgDumpVersion: string;
  dump: { file: string; bytes: number; sha256: string };
}

const APP_SCHEMAS = SUITE_APPS.map((app) => app.schema);

/** pg_dump and pg_restore from TIANPING_PG_BIN, else the PATH. */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  return process.env.TIANPING_PG_BIN ? join(process.env.TIANPING_PG_BIN, name) : name;
}

async function toolVersion(name: 'pg_dump' | 'pg_restore'): Promise<{ text: string; major: number }> {
  const { stdout } = await promisify(execFile)(pgTool(name), ['--version']).catch(() => {
    throw new Error(`${name} was not found: install the PostgreSQL client (Debian: apt-get install postgresql-client) or set TIANPING_PG_BIN`);
  });
  const match = /(\d+)(?:\.(\d+))?/.exec(stdout);
  return { text: stdout.trim(), major: Number(match?.[1] ?? 0) };
}

/** A tool older than the server cannot read its catalogue: refuse with what to install. */
async function checkToolFits(name: 'pg_dump' | 'pg_restore', client: ClientBase): Promise<{ tool: string; server: string }> {
  const tool = await toolVersion(name);
  const [{ server_version: server, server_version_num: num }] = (
    await client.query(`SELECT current_setting('server_version') AS server_version, current_setting('server_version_num')::int AS server_version_num`)
  ).rows;
  const serverMajor = Math.floor(num / 10000);
  if (tool.major < serverMajor)
    throw new Error(`${tool.text} is older than the server (PostgreSQL ${server}): use ${name} ${serverMajor} or newer (TIANPING_PG_BIN)`);
  return { tool: tool.text, server };
}

/** Row counts of every table of the suite's schemas and the audit record's latest checkpoint. */
export async function snapshotOf(client: ClientBase): Promise<DatabaseSnapshot> {
  const { rows } = await client.query(
    `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema = ANY($1::text[]) ORDER BY 1`,
    [APP_SCHEMAS],
  );
  const tables: Record<string, number> = {};
  for (const { name } of rows as { name: string }[]) {
    const [schema, table] = name.split('.');
    tables[name] = Number((await client.query(`SELECT count(*) AS n FROM "${schema}"."${table}"`)).rows[0].n);
  }
  const hasAudit = 'oversight.checkpoints' in tables && 'oversight.audit_entries' in tables;
  const checkpoint = hasAudit
    ? ((await client.query(`SELECT tree_size::int AS "treeSize", root_hash AS "rootHash" FROM oversight.checkpoints ORDER BY tree_size DESC LIMIT 1`))
        .rows[0] ?? null)
    : null;
  return { tables, audit: { entries: tables['oversight.audit_entries'] ?? 0, checkpoint } };
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} failed (${code}): ${stderr.trim().split('\n').slice(-5).join(' | ')}`)),
    );
  });
}

/**
 * Dumps the whole database (every app's schema, extensions, migrations tables) in pg_dump's custom
 * format, and beside it a manifest of what the dump holds, counted in the same snapshot as the dump.
 */
export async function createBackup(databaseUrl: string, outDir: string): Promise<BackupManifest> {
  if (existsSync(join(outDir, MANIFEST_FILE))) throw new Error(`${outDir} already holds a backup: choose an empty directory`);
  await mkdir(outDir, { recursive: true });
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const versions = await checkToolFits('pg_dump', client);
    // The snapshot stays open while pg_dump reads it, so the counts and the dump show the same instant.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ snapshot, at }] = (await client.query(`SELECT pg_export_snapshot() AS snapshot, now() AS at`)).rows;
    const counted = await snapshotOf(client);
    const dumpPath = join(outDir, DUMP_FILE);
    await run(pgTool('pg_dump'), [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--snapshot=${snapshot}`,
      `--file=${dumpPath}`,
      `--dbname=${databaseUrl}`,
    ]);
    await client.query('COMMIT');
    const manifest: BackupManifest = {
      format: FORMAT,
      snapshotAt: new Date(at).toISOString(),
      database: new URL(databaseUrl).pathname.slice(1),
      serverVersion: versions.server,
      pgDumpVersion: versions.tool,
      dump: { file: DUMP_FILE, bytes: (await stat(dumpPath)).size, sha256: (await fileDigest(dumpPath)).sha256 },
      ...counted,
    };
    await writeFile(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await client.end();
  }
}

export interface RestoreResult {
  database: string;
  snapshotAt: string;
  tables: number;
  rows: number;
  /** Tables whose restored row count differs from the manifest's (empty when the restore is whole). */
  mismatches: { table: string; expected: number | null; restored: number | null }[];
  audit: { expected: DatabaseSnapshot['audit']; restored: DatabaseSnapshot['audit']; same: boolean };
  /** Events marked unpublished again, by outbox table, so the relays send them to a fresh JetStream. */
  resent: Record<string, number>;
}

/**
 * Restores a backup into an empty (or missing) database in one transaction, checks every table's
 * row count and the audit record's head against the manifest, and marks events published within
 * `resendMinutes` before the snapshot as unpublished: they may not have reached their consumers.
 */
export async function restoreBackup(fromDir: string, databaseUrl: string, resendMinutes: number): Promise<RestoreResult> {
  const manifest = JSON.parse(await readFile(join(fromDir, MANIFEST_FILE), 'utf8')) as BackupManifest;
  if (manifest.format !== FORMAT) throw new Error(`${fromDir}/${MANIFEST_FILE} is not a Tianping backup manifest (${String(manifest.format)})`);
  const dumpPath = join(fromDir, manifest.dump.file);
  if ((await fileDigest(dumpPath)).sha256 !== manifest.dump.sha256) throw new Error(`${dumpPath} does not match its manifest (sha256): the backup is damaged`);
  await ensureDatabase(databaseUrl);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await checkToolFits('pg_restore', client);
    const [{ n }] = (
      await client.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`)
    ).rows;
    if (n > 0) throw new Error(`the target database is not empty (${n} tables): restore into a new database`);
    await run(pgTool('pg_restore'), ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${databaseUrl}`, dumpPath]);
    const restored = await snapshotOf(client);
    const names = [...new Set([...Object.keys(manifest.tables), ...Object.keys(restored.tables)])].sort();
    const mismatches = names
      .filter((t) => manifest.tables[t] !== restored.tables[t])
      .map((t) => ({ table: t, expected: manifest.tables[t] ?? null, restored: restored.tables[t] ?? null }));
    const resent = await markRecentUnpublished(client, new Date(manifest.snapshotAt), resendMinutes);
    return {
      database: new URL(databaseUrl).pathname.slice(1),
      snapshotAt: manifest.snapshotAt,
      tables: names.length,
      rows: Object.values(restored.tables).reduce((a, b) => a + b, 0),
      mismatches,
      audit: { expected: manifest.audit, restored: restored.audit, same: JSON.stringify(manifest.audit) === JSON.stringify(restored.audit) },
      resent,
    };
  } finally {
    await client.end();
  }
}

/**
 * Every table with a `published_at` column is an outbox; scoring's scores wait in its score outbox
 * as id ranges, so the scores computed in the window go back into it.
 */
async function markRecentUnpublished(client: ClientBase, snapshotAt: Date, minutes: number): Promise<Record<string, number>> {
  const { rows } = await client.query(
    `SELECT table_schema || '.' || table_name AS name FROM information_schema.columns
      WHERE column_name = 'published_at' AND table_schema = ANY($1::text[]) ORDER BY 1`,
    [APP_SCHEMAS],
  );
  const resent: Record<string, number> = {};
  for (const { name } of rows as { name: string }[]) {
    const [schema, table] = name.split('.');
    const result = await client.query(
      `UPDATE "${schema}"."${table}" SET published_at = NULL WHERE published_at > $1::timestamptz - make_interval(mins => $2)`,
      [snapshotAt, minutes],
    );
    resent[name] = result.rowCount ?? 0;
  }
  const [{ outbox }] = (await client.query(`SELECT to_regclass('scoring.score_outbox') IS NOT NULL AS outbox`)).rows;
  if (outbox) resent['scoring.score_outbox'] = await requeueRecentScores(client, snapshotAt, minutes);
  return resent;
}

/** Puts the scores computed in the window and no longer waiting back in the score outbox, as runs of consecutive ids of at most 1,024. */
async function requeueRecentScores(client: ClientBase, snapshotAt: Date, minutes: number): Promise<number> {
  const { rows } = await client.query(
    `WITH recent AS (
       SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM scoring.score_history h
       WHERE computed_at > $1::timestamptz - make_interval(mins => $2)
         AND NOT EXISTS (SELECT 1 FROM scoring.score_outbox o WHERE h.id BETWEEN o.first_id AND o.last_id)
     ), queued AS (
       INSERT INTO scoring.score_outbox (first_id, last_id) SELECT min(id), max(id) FROM recent GROUP BY run, id / 1024 RETURNING last_id - first_id + 1 AS n
     )
     SELECT coalesce(sum(n), 0)::int AS n FROM queued`,
    [snapshotAt, minutes],
  );
  return rows[0].n;
}
