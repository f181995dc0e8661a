import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { IntakeSubjects } from '@tianping/contracts';
import type { CityFile, CityManifest } from '@tianping/synthetic-city';
import { INGEST_ORDER } from '../../apps/intake/src/ingest/export-kind.util';
import type { SuiteProcesses } from './suite-processes';
import { retrying, sleep } from './wait.util';

/** Clue lines per NATS push: Platform B sends JSON Lines in small batches. */
const CLUE_LINES_PER_PUSH = 40;

export interface FeedFigures {
  /** CSV exports go in parts of a few rows each. */
  partsPosted: number;
  /** HTTP posts that failed (app killed, database restarting) and were sent again. */
  postRetries: number;
  cluePushes: number;
  pushRetries: number;
}

/**
 * Splits the city's exports in two loads: the older exports first (a model is trained on them),
 * the later ones after, while the model is live, so re-scoring on change runs under faults too.
 * Within a kind the manifest order is kept: the generator's expectations depend on it.
 */
export function cityLoads(manifest: CityManifest): { first: CityFile[]; second: CityFile[] } {
  const lastOfKind = new Map<string, CityFile>();
  for (const file of manifest.files) lastOfKind.set(file.kind, file);
  const second = manifest.files.filter((f) => lastOfKind.get(f.kind) === f && f.kind !== 'officers');
  // Officers and subjects before cases and clues, as a directory load does, so clues find their enterprise.
  const byKind = (files: CityFile[]) => [...files].sort((a, b) => INGEST_ORDER.indexOf(a.kind) - INGEST_ORDER.indexOf(b.kind));
  return { first: byKind(manifest.files.filter((f) => !second.includes(f))), second: byKind(second) };
}

/**
 * Sends exports the ways the platforms do: Platform A's CSV files posted to intake over HTTP, and
 * Platform B's clues pushed over NATS in small JSON Lines batches. A post cut off by a fault is
 * posted again (intake counts the repeat as duplicates); a push carries a message id, so a resend
 * is dropped by JetStream.
 */
export class CityFeed {
  readonly figures: FeedFigures = { partsPosted: 0, postRetries: 0, cluePushes: 0, pushRetries: 0 };

  constructor(
    private readonly cityDir: string,
    private readonly suite: SuiteProcesses,
    private readonly nc: () => NatsConnection,
    /** Rows per posted export and pause between posts and pushes: the load is spread out so faults land in it. */
    private readonly pace: { rowsPerPost: number; pauseMs: number },
  ) {}

  async load(files: CityFile[]): Promise<void> {
    for (const file of files) {
      if (file.kind === 'clues') await this.pushClues(file);
      else await this.postExport(file);
    }
  }

  /** Posts an export in parts of a few rows, as incremental exports; a part cut off by a fault is posted again. */
  private async postExport(file: CityFile): Promise<void> {
    const url = () => `http://127.0.0.1:${this.suite.port('intake')}/api/exports/${file.kind}`;
    for (const body of csvParts(readFileSync(join(this.cityDir, file.path)), this.pace.rowsPerPost)) {
      await retrying(
        `post ${file.path}`,
        async () => {
          const response = await fetch(url(), {
            method: 'POST',
            headers: { 'content-type': 'text/csv' },
            body: new Uint8Array(body),
            signal: AbortSignal.timeout(120_000),
          });
          if (!response.ok) throw new Error(`${response.status} ${(await response.text()).slice(0, 200)}`);
          this.figures.partsPosted++;
        },
        300_000,
        () => this.figures.postRetries++,
      );
      await sleep(this.pace.pauseMs);
    }
  }

  private async pushClues(file: CityFile): Promise<void> {
    const lines = readFileSync(join(this.cityDir, file.path), 'utf8')
      .split('\n')
      .filter((l) => l.trim().length > 0);
    for (let i = 0; i < lines.length; i += CLUE_LINES_PER_PUSH) {
      const payload = new TextEncoder().encode(lines.slice(i, i + CLUE_LINES_PER_PUSH).join('\n') + '\n');
      const msgID = `fault-clues-${file.path}-${i}`;
      await retrying(
        `push ${file.path}:${i + 1}`,
        async () => {
          await jetstream(this.nc()).publish(IntakeSubjects.cluesPush, payload, { msgID, timeout: 5000 });
          this.figures.cluePushes++;
        },
        300_000,
        () => this.figures.pushRetries++,
      );
      await sleep(this.pace.pauseMs);
    }
  }
}

/**
 * Splits a CSV export (bytes, in whatever encoding) into parts of `rows` records, each with the
 * header line. It cuts only at a line feed outside quotes: in UTF-8 and GB18030 neither a line feed
 * nor a quote byte occurs inside a multi-byte character.
 */
export function csvParts(bytes: Buffer, rows: number): Buffer[] {
  const cuts: number[] = [];
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x22) quoted = !quoted;
    else if (bytes[i] === 0x0a && !quoted) cuts.push(i + 1);
  }
  if (cuts.length === 0 || cuts[cuts.length - 1] !== bytes.length) cuts.push(bytes.length);
  const header = bytes.subarray(0, cuts[0]);
  const parts: Buffer[] = [];
  for (let r = 1; r < cuts.length; r += rows) {
    const end = cuts[Math.min(r + rows, cuts.length) - 1];
    parts.push(Buffer.concat([header, bytes.subarray(cuts[r - 1], end)]));
  }
  return parts;
}
