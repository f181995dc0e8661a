import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { generateSigningKey, type JsonValue } from '@tianping/audit-log';
import type { ScoreRecord, ScoresComputed } from '@tianping/contracts';
import { createTestDatabase, startTestNats, type TestDatabase, type TestNats, listenTestApp } from '@tianping/testing';
import { OversightModule } from '../../../apps/oversight/src/oversight.module';
import type { EntryDraft } from '../../../apps/oversight/src/record/audit-record.util';

export interface OversightHarness {
  app: NestExpressApplication;
  baseUrl: string;
  db: TestDatabase;
  nats: TestNats;
  dataSource: DataSource;
  keyFile: string;
  close: () => Promise<void>;
}

/**
 * Boots the real oversight service on its own database copy, nats-server and signing key; or on
 * another app's nats-server (`shared`), to hear that app's real events. A shared server is not stopped here.
 */
export async function startOversight(shared?: TestNats): Promise<OversightHarness> {
  const db = await createTestDatabase();
  const nats = shared ?? (await startTestNats());
  const keyFile = join(mkdtempSync(join(tmpdir(), 'tianping-audit-key-')), 'audit-signing-key.pem');
  writeFileSync(keyFile, generateSigningKey().privateKeyPem, { mode: 0o600 });
  process.env.DATABASE_URL = db.url;
  process.env.NATS_URL = nats.url;
  process.env.TIANPING_AUDIT_KEY_FILE = keyFile;
  const { app, baseUrl } = await listenTestApp(OversightModule);
  return {
    app,
    baseUrl,
    db,
    nats,
    dataSource: app.get(DataSource),
    keyFile,
    close: async () => {
      await app.close();
      if (!shared) await nats.stop();
      await db.drop();
    },
  };
}

export async function getJson<T>(url: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as T };
}

/** Polls until `probe` returns a truthy value (NATS delivery is asynchronous). */
export async function eventually<T>(probe: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const CODES = ['91310000MA1FL8XQ3K', '91440300MA5G9LQK2B', '91110108MA01A2B3C4', '91320500MA1MXYZ12P'];

/** sampleScore(n) as the record logs it, in batch `batch` of a scores-computed event. */
export function scoreEntryDraft(n: number, batch: number): EntryDraft {
  const score = sampleScore(n);
  return {
    kind: 'score',
    subjectRef: score.creditCode,
    data: { batchId: `b${batch}`, score: score as unknown as JsonValue },
    eventKey: `score:${score.scoreId}`,
  };
}

/** A score as scoring publishes it: explanation, versions and input fingerprint included. */
export function sampleScore(n: number): ScoreRecord {
  const probability = ((n * 37) % 100) / 100;
  return {
    scoreId: `score-${n}`,
    creditCode: CODES[n % CODES.length],
    asOf: '2025-11-01',
    modelVersion: 'm-2025.11.1',
    colourPolicyVersion: 'cp-3',
    probability,
    logit: Math.log((probability + 0.01) / (1.01 - probability)),
    base: -2.1,
    contributions: [
      { factor: 'F01', value: 3, contribution: 0.42 },
      { factor: 'F02', value: 'retail', contribution: -0.1 },
      { factor: 'F03', value: null, contribution: 0 },
    ],
    colour: probability > 0.6 ? 'red' : probability > 0.3 ? 'yellow' : 'green',
    reasons: [{ factor: 'F01', zh: '近两年有违法记录', en: 'violations in the last two years' }],
    suggestions: [{ factor: 'F01', zh: '按时整改', en: 'remedy on time' }],
    inputFingerprint: `fp-${n}`,
    computedAt: '2025-11-02T03:04:05.000Z',
  };
}

export function scoresComputed(batchId: string, from: number, count: number): ScoresComputed {
  return { batchId, scores: Array.from({ length: count }, (_, i) => sampleScore(from + i)) };
}
